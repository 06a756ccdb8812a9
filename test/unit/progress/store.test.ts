import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonStatus } from "../../../src/progress/queries.js";
import {
  ownEntry,
  ProgressNotWritable,
  readProgress,
  recordProgress,
  updateLessonProgress,
  updateProgress,
} from "../../../src/progress/store.js";
import { tutorHome } from "../../../src/world/paths.js";

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-progress-"));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const record = (lesson: string, step: string) =>
  updateProgress(home, (p) => {
    const now = new Date().toISOString();
    p.packs.demo ??= { lessons: {} };
    p.packs.demo.lessons[lesson] ??= { started: now, updated: now, steps: {} };
    const entry = p.packs.demo.lessons[lesson];
    entry.steps[step] = { done: now };
    entry.current = step;
  });

describe("the progress store", () => {
  it("lives in DOCKER_TUTOR_HOME, else under XDG_CONFIG_HOME", () => {
    expect(tutorHome({ DOCKER_TUTOR_HOME: "/x/y" })).toBe("/x/y");
    expect(tutorHome({ XDG_CONFIG_HOME: "/cfg" })).toBe("/cfg/docker-tutor");
  });

  it("starts empty and keeps what was recorded", async () => {
    expect((await readProgress(home)).progress).toEqual({ version: 1, packs: {} });
    await record("containers", "run");
    const { progress, warning } = await readProgress(home);
    expect(warning).toBeUndefined();
    expect(progress.packs.demo?.lessons.containers?.current).toBe("run");
  });

  it("keeps the first start of a step, and reads it back", async () => {
    const lesson = { packId: "demo", id: "containers" };
    expect(await recordProgress.beginStep(home, lesson, "attach", "2026-11-28T12:00:00.123456789Z")).toBe(
      "2026-11-28T12:00:00.123456789Z",
    );
    expect(await recordProgress.beginStep(home, lesson, "attach", "2026-11-28T13:00:00Z")).toBe(
      "2026-11-28T12:00:00.123456789Z",
    );
    const { progress } = await readProgress(home);
    expect(progress.packs.demo?.lessons.containers?.steps.attach?.began).toBe(
      "2026-11-28T12:00:00.123456789Z",
    );
  });

  it("loses no update when many are made at once", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => record(`lesson-${i % 4}`, `step-${i}`)));
    const { progress } = await readProgress(home);
    const steps = Object.values(progress.packs.demo?.lessons ?? {}).flatMap((l) => Object.keys(l.steps));
    expect(steps.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `step-${i}`).sort());
    expect((await readdir(home)).sort()).toEqual(["progress.json"]);
  });

  it("reads a corrupt file without touching it, then keeps it aside at the next save", async () => {
    await writeFile(path.join(home, "progress.json"), '{"version": 1, "packs": {');
    const { progress, warning } = await readProgress(home);
    expect(progress.packs).toEqual({});
    expect(warning).toMatch(/^progress file .*progress\.json cannot be used because it is not valid JSON: /);
    // A read (list does one at every start) never renames the file.
    expect(await readdir(home)).toEqual(["progress.json"]);
    await record("containers", "run");
    const aside = (await readdir(home)).find((f) => f.includes("unreadable"));
    expect(await readFile(path.join(home, aside ?? ""), "utf8")).toBe('{"version": 1, "packs": {');
    expect((await readProgress(home)).progress.packs.demo?.lessons.containers?.current).toBe("run");
  });

  it("leaves a file from a newer version as it is, and refuses to overwrite it (exit 2)", async () => {
    await writeFile(path.join(home, "progress.json"), '{"version": 9, "packs": {}}');
    const { warning } = await readProgress(home);
    expect(warning).toMatch(/written by a newer docker-tutor \(format 9\): it is left as it is/);
    const error = await record("containers", "run").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgressNotWritable);
    expect((error as ProgressNotWritable).exitCode).toBe(2);
    expect(await readFile(path.join(home, "progress.json"), "utf8")).toBe('{"version": 9, "packs": {}}');
  });

  it("keeps every sound lesson when one entry is badly typed", async () => {
    const good = { started: "t", updated: "t", current: "run", steps: {} };
    const file = { version: 1, packs: { demo: { lessons: { containers: good, broken: { started: 3 } } } } };
    await writeFile(path.join(home, "progress.json"), JSON.stringify(file));
    const { progress, warning } = await readProgress(home);
    expect(progress.packs.demo?.lessons.containers?.current).toBe("run");
    expect(Object.keys(progress.packs.demo?.lessons ?? {})).toEqual(["containers"]);
    expect(warning).toBe("progress of demo/broken could not be read and starts afresh; the rest is kept");
  });

  it("keeps lessons and packs whose ids are names of object properties", async () => {
    await updateLessonProgress(home, { packId: "constructor", id: "__proto__" }, (entry) => {
      entry.current = "toString";
    });
    const { progress } = await readProgress(home);
    expect(ownEntry(ownEntry(progress.packs, "constructor")?.lessons, "__proto__")?.current).toBe("toString");
    expect(lessonStatus(progress, { packId: "hasOwnProperty", id: "valueOf", steps: [] }).status).toBe("new");
  });

  it("says why it cannot save, in one line with a fix, when the folder is not writable", async () => {
    const blocked = path.join(home, "blocked");
    await writeFile(blocked, "a file where a folder should be");
    const error = await updateProgress(blocked, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgressNotWritable);
    expect((error as ProgressNotWritable).message).toMatch(
      /^cannot save progress in .*blocked \((EEXIST|ENOTDIR)\)$/,
    );
  });

  it("takes over a lock left by a process that died", async () => {
    await writeFile(path.join(home, "progress.lock"), "999999");
    await record("containers", "run");
    expect((await readProgress(home)).progress.packs.demo?.lessons.containers?.current).toBe("run");
  });
});
