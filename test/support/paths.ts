import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixturePacks = path.join(repoRoot, "test", "fixtures", "packs");
export const cliPath = path.join(repoRoot, "dist", "cli.js");
