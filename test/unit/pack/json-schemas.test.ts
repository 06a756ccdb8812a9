import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemaFiles } from "../../../src/pack/json-schemas.js";
import { repoRoot } from "../../support/paths.js";

describe("the committed JSON Schemas", () => {
  it("match the zod schemas (run `npm run schemas` after changing them)", async () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      expect(await readFile(path.join(repoRoot, "schemas", name), "utf8"), name).toBe(text);
    }
  });

  it("describe the front matter fields and every check kind", () => {
    const files = jsonSchemaFiles();
    const front = JSON.parse(files["lesson-front-matter.schema.json"] ?? "{}");
    expect(Object.keys(front.properties)).toEqual([
      "id", "title", "summary", "level", "minutes", "requires", "images", "resources", "files", "engine",
    ]); // biome-ignore format: one line
    const checks = JSON.parse(files["checks.schema.json"] ?? "{}");
    const kinds = checks.$defs.check.anyOf.map((v: { required: string[] }) => v.required[0]);
    expect(kinds).toEqual([
      "container",
      "image",
      "volume",
      "network",
      "compose",
      "http",
      "exec",
      "file",
      "dockerfile",
      "happened",
      "not",
    ]);
  });
});
