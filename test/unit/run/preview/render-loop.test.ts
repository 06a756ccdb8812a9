/** preview's render loop on a real folder, with stand-ins for loading, checking and drawing. */
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Step } from "../../../../src/pack/model.js";
import { type PreviewEvent, renderOnce, watchPreview } from "../../../../src/run/preview/render-loop.js";
import type { PreviewScreen } from "../../../../src/run/preview/screen.js";
import type { StepChecks } from "../../../../src/run/preview/step-checks.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-render-loop-"));
  await writeFile(path.join(dir, "lesson.md"), "# one\n");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const task = { id: "task", checks: [{ kind: "file", file: "x" }] } as unknown as Step;
/** Screen number `n`, focused on a task step. */
const screen = (n: number): PreviewScreen =>
  ({
    packDir: `screen ${n}`,
    problems: [],
    view: undefined,
    notice: undefined,
    loaded: { step: task },
  }) as never;
const passed = (n: number): StepChecks => ({
  step: "task",
  report: {
    lesson: "l",
    step: "task",
    passed: true,
    engineError: false,
    results: [{ check: `${n}`, passed: true, message: "" }],
  },
});
const shown = (events: PreviewEvent[]) =>
  events.map((e) =>
    e.type === "screen"
      ? e.screen.packDir
      : e.type === "checks"
        ? `checks ${"report" in e.checks ? e.checks.report.results[0]?.check : "?"}`
        : e.type,
  );

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`never: ${what}`);
}

describe("a render", () => {
  it("draws the screen, then says it checks, then the step's results", async () => {
    const events: PreviewEvent[] = [];
    const { checked } = await renderOnce({
      build: async () => screen(1),
      check: async () => passed(1),
      emit: (e) => void events.push(e),
    });
    await checked;
    expect(shown(events)).toEqual(["screen 1", "checking", "checks 1"]);
  });

  it("checks nothing without a focused task step", async () => {
    const events: PreviewEvent[] = [];
    await renderOnce({
      build: async () => ({ ...screen(1), loaded: undefined }),
      check: async () => passed(1),
      emit: (e) => void events.push(e),
    });
    expect(shown(events)).toEqual(["screen 1"]);
  });
});

describe("watching", () => {
  it("draws screens in the order of the saves, merges saves during a render, and drops stale results", async () => {
    const events: PreviewEvent[] = [];
    let builds = 0;
    let slowBuild: (() => void) | undefined;
    const checks: ((result: StepChecks) => void)[] = [];
    const controller = new AbortController();
    const watching = watchPreview(
      dir,
      {
        build: async () => {
          const n = ++builds;
          // The second render is slow: saves during it make one more render, not one each.
          if (n === 2) await new Promise<void>((resolve) => (slowBuild = resolve));
          return screen(n);
        },
        check: () => new Promise((resolve) => checks.push(resolve)),
        emit: (e) => void events.push(e),
      },
      controller.signal,
    );
    await until(() => checks.length === 1, "the first screen's checks start");
    await appendFile(path.join(dir, "lesson.md"), "save 1\n");
    await until(() => slowBuild !== undefined, "the second render starts");
    await appendFile(path.join(dir, "lesson.md"), "save 2\n");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(path.join(dir, "other.md"), "save 3\n");
    await new Promise((resolve) => setTimeout(resolve, 100));
    slowBuild?.();
    await until(() => checks.length === 3, "the third screen's checks start");
    checks[0]?.(passed(1)); // screen 1's results, after screens 2 and 3: stale, dropped
    checks[2]?.(passed(3));
    await until(() => shown(events).includes("checks 3"), "screen 3's results");
    controller.abort();
    expect(await watching).toEqual({ ok: true });
    expect(shown(events)).toEqual([
      "screen 1",
      "checking",
      "screen 2",
      "checking",
      "screen 3",
      "checking",
      "checks 3",
    ]);
    const third = events.filter((e) => e.type === "screen")[2] as Extract<PreviewEvent, { type: "screen" }>;
    expect(third.changed).toEqual([path.join(dir, "lesson.md"), path.join(dir, "other.md")]);
  });

  it("ends with the reason when the folder goes", async () => {
    const watching = watchPreview(
      dir,
      { build: async () => screen(1), emit: () => undefined },
      new AbortController().signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await rm(dir, { recursive: true, force: true });
    expect(await watching).toEqual({ ok: false, message: `cannot watch ${dir}: it no longer exists` });
  });
});
