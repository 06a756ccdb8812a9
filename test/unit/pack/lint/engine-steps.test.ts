import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPack } from "../../../../src/pack/load-pack.js";
import { formatProblem } from "../../../../src/pack/problem.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-engine-steps-"));
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, "pack.yaml"),
    "id: steps\ntitle: {en: Steps}\nversion: 1.0.0\nlessons: [one.md]\n",
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("steps declared as needing Docker", () => {
  it("must be steps of the lesson", async () => {
    const lesson = [
      "---",
      "id: one",
      "title: One",
      "summary: One.",
      "level: beginner",
      "minutes: 1",
      "engine:",
      "  docker: [read, reda]",
      "---",
      "",
      "## Read {#read}",
      "",
      "Text.",
      "",
    ].join("\n");
    await writeFile(path.join(dir, "one.md"), lesson);
    const { problems } = await loadPack(dir);
    expect(problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }))).toEqual([
      'one.md:8:18: engine.docker names "reda", which is no step of this lesson',
    ]);
  });
});
