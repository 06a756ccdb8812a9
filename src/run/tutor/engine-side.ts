/**
 * The engine as task steps use it: checks, the watcher, images, reset. One dynamic import boundary
 * (loaded at the first task), so the menu and reading steps never load dockerode.
 */
import { checkContexts } from "../../checks/check-context.js";
import { evaluateChecks } from "../../checks/evaluate.js";
import { connectEngine } from "../../engine/connect.js";
import { detectCompose } from "../../engine/tools.js";
import { footprint } from "../../pack/model.js";
import { missingImages, pullImages } from "../../world/images.js";
import { applyReset, planReset } from "../../world/reset.js";
import type { TaskEngine } from "./context.js";
import { StepWatcher } from "./watch.js";

export { runInShell } from "../shell.js";
export { runSolutionInTerminal } from "../solution.js";

/** Connects (a TutorError when no engine answers) and finds the compose command solutions use. */
export async function connectTaskEngine(
  env: NodeJS.ProcessEnv,
): Promise<{ engine: TaskEngine; compose: string | undefined }> {
  const [engine, compose] = await Promise.all([connectEngine(env), detectCompose(env)]);
  const { docker } = engine;
  const contextFor = checkContexts({ docker, engineHost: engine.target.host });
  return {
    compose,
    engine: {
      evaluate: (lesson, step, workdir) => evaluateChecks(step.checks, contextFor(lesson.meta, workdir)),
      watch: (workdir) => new StepWatcher(docker, workdir),
      missingImages: (refs) => missingImages(docker, refs),
      pullImages: (refs, progress) => pullImages(docker, refs, progress),
      // The tutor's reset removes what the lesson owns on the engine; folder and progress stay.
      planReset: (lesson) => planReset(docker, [footprint(lesson)], {}),
      applyReset: (plan) => applyReset(docker, plan),
    },
  };
}
