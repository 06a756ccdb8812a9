import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ownExecs } from "../../../src/world/own-execs.js";

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-execs-"));
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe("the tutor's own exec ids", () => {
  it("are shared between tutors through the home folder", () => {
    const watcher = ownExecs(home);
    const checkCommand = ownExecs(home);
    checkCommand.note("abc123");
    expect(watcher.ids().has("abc123")).toBe(true);
    expect(ownExecs().ids().size).toBe(0);
  });

  it("turn over to a second file when the first grows, and both are read", async () => {
    const execs = ownExecs(home);
    const file = path.join(home, "own-execs.log");
    await writeFile(file, `${"f".repeat(64)}\n`.repeat(4200));
    execs.note("newest");
    expect((await stat(`${file}.1`)).size).toBeGreaterThan(256 * 1024);
    expect(await readFile(file, "utf8")).toBe("newest\n");
    const ids = ownExecs(home).ids();
    expect(ids.has("newest")).toBe(true);
    expect(ids.has("f".repeat(64))).toBe(true);
  });

  it("keep an id that is not an engine's in memory only, and a folder that cannot be written costs nothing", async () => {
    const execs = ownExecs(home);
    execs.note("../../etc/passwd");
    expect(execs.ids().has("../../etc/passwd")).toBe(true);
    expect(ownExecs(home).ids().has("../../etc/passwd")).toBe(false);
    const blocked = ownExecs(path.join(home, "not-a-folder", "x"));
    await writeFile(path.join(home, "not-a-folder"), "a file");
    blocked.note("abc");
    expect(blocked.ids().has("abc")).toBe(true);
  });
});
