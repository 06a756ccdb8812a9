/**
 * Everything the tutor needs only once a task starts: checks, the engine client, the watcher, shells.
 * One dynamic import boundary, so the menu and reading steps never load it.
 */
export { createCheckContext } from "../checks/context.js";
export { evaluateChecks } from "../checks/evaluate.js";
export { connectEngine } from "../engine/connect.js";
export { detectCompose } from "../engine/tools.js";
export { findOwned, removeOwned } from "../reset/owned.js";
export { missingImages, pullImages } from "./images.js";
export { runInShell } from "./shell.js";
export { StepWatcher } from "./watch.js";
