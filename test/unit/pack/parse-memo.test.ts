/** Parsed lesson files kept between the loads of a watched pack: a save reparses only what it changed. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../../src/pack/load-pack.js";
import { ParseMemo } from "../../../src/pack/parse-memo.js";
import { fixturePacks } from "../../support/paths.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-memo-"));
  await cp(path.join(fixturePacks, "tutor-steps"), dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a parse memo", () => {
  it("parses a text once, and again when it changes", () => {
    const memo = new ParseMemo();
    let parses = 0;
    const parse = () => ({ n: ++parses });
    const first = memo.get("primary", "/p/a.md", "# a", parse);
    expect(memo.get("primary", "/p/a.md", "# a", parse)).toBe(first);
    expect(memo.get("translation", "/p/a.md", "# a", parse)).not.toBe(first);
    expect(memo.get("primary", "/p/a.md", "# a, saved", parse)).toEqual({ n: 3 });
  });

  it("loads a pack as a fresh load does, before and after a save", async () => {
    const memo = new ParseMemo();
    expect(await loadPack(dir, memo)).toEqual(await loadPack(dir));
    const [lesson] = (await loadPack(dir)).pack?.lessons ?? [];
    const file = lesson?.file as string;
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Saved again"));
    const afterSave = await loadPack(dir, memo);
    expect(afterSave.pack?.lessons[0]?.text.en?.title).toBe("Saved again");
    expect(afterSave).toEqual(await loadPack(dir));
  });
});
