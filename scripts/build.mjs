// Bundles the CLI with esbuild: one file per command chunk loads far faster than hundreds of
// node_modules files (start-up is mostly module loading). Type checking is `npm run typecheck`.
import { chmodSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
rmSync(path.join(root, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/cli.ts"],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  // dockerode pulls optional native modules (ssh2, cpu-features): leave it to node_modules.
  external: ["dockerode", "node-pty"],
  // Bundled CommonJS dependencies still call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: "none",
  logLevel: "warning",
});
chmodSync(path.join(root, "dist", "cli.js"), 0o755);
