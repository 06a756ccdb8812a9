// Writes schemas/*.json from the zod schemas (run `npm run build` first; `npm run schemas` does both).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemaFiles } from "../dist/lessons/json-schemas.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "schemas");
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(path.join(dir, name), text);
  console.log(`wrote schemas/${name}`);
}
