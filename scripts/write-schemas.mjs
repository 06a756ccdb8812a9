// Writes schemas/*.json from the zod schemas (`npm run schemas`): bundles src/pack/json-schemas.ts on
// the fly, since the CLI's own bundle has no entry point for it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-schemas-"));
const outfile = path.join(scratch, "json-schemas.mjs");
await build({
  entryPoints: [path.join(root, "src", "pack", "json-schemas.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile,
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
const { jsonSchemaFiles } = await import(pathToFileURL(outfile).href);
const dir = path.join(root, "schemas");
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(path.join(dir, name), text);
  console.log(`wrote schemas/${name}`);
}
rmSync(scratch, { recursive: true, force: true });
