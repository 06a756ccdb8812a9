import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readProgress, updateProgress } from "../../../src/progress/store.js";
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

  it("loses no update when many are made at once", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => record(`lesson-${i % 4}`, `step-${i}`)));
    const { progress } = await readProgress(home);
    const steps = Object.values(progress.packs.demo?.lessons ?? {}).flatMap((l) => Object.keys(l.steps));
    expect(steps.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `step-${i}`).sort());
    expect((await readdir(home)).sort()).toEqual(["progress.json"]);
  });

  it("sets a corrupt file aside with a warning and starts afresh", async () => {
    await writeFile(path.join(home, "progress.json"), '{"version": 1, "packs": {');
    const { progress, warning } = await readProgress(home);
    expect(progress.packs).toEqual({});
    expect(warning).toMatch(
      /^progress file set aside because it is not valid JSON: kept as .*progress\.json\.unreadable-/,
    );
    const aside = (await readdir(home)).find((f) => f.includes("unreadable"));
    expect(await readFile(path.join(home, aside ?? ""), "utf8")).toBe('{"version": 1, "packs": {');
  });

  it("sets aside a file from a newer version rather than overwrite it", async () => {
    await writeFile(path.join(home, "progress.json"), '{"version": 9, "packs": {}}');
    const { warning } = await readProgress(home);
    expect(warning).toMatch(/written by a newer docker-tutor \(format 9\)/);
  });

  it("takes over a lock left by a process that died", async () => {
    await writeFile(path.join(home, "progress.lock"), "999999");
    await record("containers", "run");
    expect((await readProgress(home)).progress.packs.demo?.lessons.containers?.current).toBe("run");
  });
});
