/** Bundles a small TypeScript program of the test suite into .tmp/, to run it as its own process. */
import path from "node:path";
import { build } from "esbuild";
import { repoRoot } from "./paths.js";

export async function bundleProgram(entry: string): Promise<string> {
  const outfile = path.join(repoRoot, ".tmp", "programs", `${path.basename(entry, ".ts")}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "warning",
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return outfile;
}
