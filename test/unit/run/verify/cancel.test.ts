/** Cancelling a verify run (`verify --watch` after a newer save) stops at once and still cleans up; a refused lesson leaves no start behind. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../../../src/checks/result.js";
import { loadPack } from "../../../../src/pack/load-pack.js";
import type { Lesson, Pack, Step } from "../../../../src/pack/model.js";
import type { SolutionRun } from "../../../../src/run/solution.js";
import {
  type VerifyEvent,
  type VerifyWorld,
  verifyLesson,
  verifyLessons,
} from "../../../../src/run/verify/verify.js";
import { fixturePacks } from "../../../support/paths.js";

let pack: Pack;
let lesson: Lesson;
beforeAll(async () => {
  pack = (await loadPack(path.join(fixturePacks, "tutor-steps"))).pack as Pack;
  const base = pack.lessons[0] as Lesson;
  const task = base.steps.find((s) => s.kind === "task") as Step;
  lesson = { ...base, steps: ["first", "slow", "third"].map((id) => ({ ...task, id })) };
});

const fail: CheckResult = { check: "c", passed: false, message: "not yet" };
const pass: CheckResult = { check: "c", passed: true, message: "there" };

/** A world whose `slow` solution runs until it is killed; it records what verify did, in order. */
function recordingWorld(): VerifyWorld & { calls: string[] } {
  const calls: string[] = [];
  const solved = new Set<string>();
  return {
    calls,
    begin: async () => void calls.push("begin"),
    reset: async () => {
      calls.push("reset");
      return { kept: [] };
    },
    end: async () => void calls.push("end"),
    prepare: async () => "/work/lesson",
    evaluate: async (_lesson, step) => [solved.has(step.id) ? pass : fail],
    solve: (step, _dir, signal) => {
      calls.push(`solve ${step.id}`);
      const done: SolutionRun = { exitCode: 0, output: "", timedOut: false, ms: 1 };
      if (step.id !== "slow") {
        solved.add(step.id);
        return Promise.resolve(done);
      }
      return new Promise((resolve) => {
        signal?.addEventListener("abort", () => {
          calls.push("killed slow");
          resolve({ ...done, exitCode: null, cancelled: true });
        });
      });
    },
    leftovers: async () => [],
    alive: async () => true,
    waitForEngine: async () => 1,
  };
}

describe("a cancelled verify run", () => {
  it("kills the running solution, skips the rest, resets the lesson and says where it stopped", async () => {
    const world = recordingWorld();
    const controller = new AbortController();
    const events: VerifyEvent[] = [];
    const emit = (event: VerifyEvent) => {
      events.push(event);
      if (event.type === "phase" && event.step.id === "slow" && event.phase === "solution")
        setTimeout(() => controller.abort(), 10);
    };
    const options = { world, solutionTimeoutMs: 60_000, positiveWaitMs: 0, engineWaitMs: 1000, emit };
    const report = await verifyLesson(pack, lesson, { ...options, signal: controller.signal });
    expect(world.calls).toEqual([
      "begin",
      "reset",
      "solve first",
      "solve slow",
      "killed slow",
      "reset",
      "end",
    ]);
    expect(report).toMatchObject({
      cancelled: { atStep: "slow" },
      ok: false,
      complete: false,
      leftovers: [],
    });
    expect(report.steps.map((s) => s.id)).toEqual(["first"]);
    const ended = events.filter((e) => e.type === "step-end").map((e) => (e as { step: Step }).step.id);
    expect(ended).toEqual(["first"]);
    expect(events.at(-1)).toMatchObject({ type: "lesson-end", report: { cancelled: { atStep: "slow" } } });
  });

  it("forgets the lesson's start when it refuses to run it, so a later run starts afresh", async () => {
    const world = recordingWorld();
    world.reset = async () => {
      world.calls.push("reset");
      return { kept: ["image tutor-old"] };
    };
    const options = { world, solutionTimeoutMs: 1000, positiveWaitMs: 0, engineWaitMs: 1000, emit: () => {} };
    const report = await verifyLesson(pack, lesson, options);
    expect(report.refused).toMatch(/^image tutor-old has the lesson's names but was there before/);
    expect(world.calls).toEqual(["begin", "reset", "end"]);
  });

  it("starts no further lesson once cancelled", async () => {
    const world = recordingWorld();
    const controller = new AbortController();
    controller.abort();
    const options = { world, solutionTimeoutMs: 1000, positiveWaitMs: 0, engineWaitMs: 1000, emit: () => {} };
    const reports = await verifyLessons([{ pack, lesson }], { ...options, signal: controller.signal });
    expect(reports).toEqual([]);
    expect(world.calls).toEqual([]);
  });
});
