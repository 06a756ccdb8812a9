import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../../../src/checks/result.js";
import { loadPack } from "../../../../src/pack/load-pack.js";
import type { Lesson, Pack, Step } from "../../../../src/pack/model.js";
import { junitXml } from "../../../../src/render/junit.js";
import { verifyJson } from "../../../../src/render/verify-json.js";
import { stepVerdict, summarize } from "../../../../src/run/verify/verdict.js";
import { type VerifyWorld, verifyLesson } from "../../../../src/run/verify/verify.js";
import { fixturePacks } from "../../../support/paths.js";

let pack: Pack;
let base: Lesson;
beforeAll(async () => {
  pack = (await loadPack(path.join(fixturePacks, "tutor-steps"))).pack as Pack;
  base = pack.lessons[0] as Lesson;
});

/** The fixture lesson with its task step copied under the given ids, then its quiz. */
function lessonWith(...taskIds: string[]): Lesson {
  const task = base.steps.find((s) => s.kind === "task") as Step;
  const quiz = base.steps.find((s) => s.kind === "quiz") as Step;
  return { ...base, steps: [...taskIds.map((id) => ({ ...task, id })), quiz] };
}

const pass: CheckResult = { check: "c", passed: true, message: "it is there" };
const fail: CheckResult = { check: "c", passed: false, message: "it is not there" };
const down: CheckResult = {
  check: "c",
  passed: false,
  message: "the engine did not answer",
  engineError: true,
};

/**
 * An engine scripted per step: `before` is what the checks say before the solution, `after` after it.
 * `engineGone` marks the steps during which the engine stops answering.
 */
function fakeWorld(
  script: Record<string, { before: CheckResult; after: CheckResult }>,
  engineGone: string[] = [],
  before: string[] = [],
  /** Steps whose first solution run fails, with what it printed. */
  failOnce: Record<string, string> = {},
): VerifyWorld & { solved: string[]; ended: string[] } {
  const solved: string[] = [];
  const ended: string[] = [];
  let current = "";
  return {
    solved,
    ended,
    begin: async () => {},
    end: async (lesson) => {
      ended.push(lesson.id);
    },
    evaluate: async (_lesson, step) => {
      current = step.id;
      const entry = script[step.id] as { before: CheckResult; after: CheckResult };
      return [solved.includes(step.id) ? entry.after : entry.before];
    },
    solve: async (step) => {
      const first = !solved.includes(step.id);
      solved.push(step.id);
      const output = failOnce[step.id];
      if (first && output !== undefined) return { exitCode: 1, output, timedOut: false, ms: 1 };
      return { exitCode: 0, output: "", timedOut: false, ms: 1 };
    },
    prepare: async () => "/work/three-steps",
    reset: async () => ({ kept: before }),
    leftovers: async () => [],
    alive: async () => !engineGone.includes(current),
    waitForEngine: async () => 250,
  };
}

const options = { solutionTimeoutMs: 1000, positiveWaitMs: 0, engineWaitMs: 1000, emit: () => {} };

describe("verify's verdicts, with a fake evaluator", () => {
  it("gives each step one verdict: ok, lesson-failure or engine-error", async () => {
    const world = fakeWorld(
      {
        good: { before: fail, after: pass },
        "passes-early": { before: pass, after: pass },
        "never-passes": { before: fail, after: fail },
        outage: { before: fail, after: down },
      },
      ["outage"],
    );
    const report = await verifyLesson(pack, lessonWith("good", "passes-early", "never-passes", "outage"), {
      ...options,
      world,
    });
    expect(report.steps.map((s) => [s.id, stepVerdict(s)])).toEqual([
      ["good", "ok"],
      ["passes-early", "lesson-failure"],
      ["never-passes", "lesson-failure"],
      ["outage", "engine-error"],
      ["quiz", "ok"],
    ]);
    expect(report.ok).toBe(false);
    const summary = summarize([report]);
    expect(summary).toMatchObject({ failures: 2, engineErrors: 1, ok: false, exitCode: 1 });
    // After an outage the step's solution runs again, so later steps start from the state they expect.
    expect(world.solved.filter((id) => id === "outage")).toHaveLength(2);
  });

  it("reports an engine outage as <error> in JUnit and exit 2, never as a lesson failure", async () => {
    const world = fakeWorld({ good: { before: fail, after: pass }, outage: { before: fail, after: down } }, [
      "outage",
    ]);
    const report = await verifyLesson(pack, lessonWith("good", "outage"), { ...options, world });
    const summary = summarize([report]);
    expect(summary).toMatchObject({ failures: 0, engineErrors: 1, ok: false, exitCode: 2 });
    const xml = junitXml([report]);
    expect(xml).toContain('tests="3" failures="0" errors="1">');
    expect(xml).toMatch(/name="outage \(task\)" time="[\d.]+">\n\s+<error message="engine error/);
    expect(xml).not.toContain("<failure");
    const json = JSON.parse(verifyJson(summary, [report]));
    expect(json.lessons[0].steps.map((s: { engineError?: boolean }) => s.engineError ?? false)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it("fails a quiz that cannot be answered wrong", async () => {
    const quiz = base.steps.find((s) => s.kind === "quiz") as Step;
    const allRight = { ...quiz, quiz: { correct: [0, 1], multiple: true, line: 1 } };
    const lesson = { ...base, steps: [allRight] };
    const report = await verifyLesson(pack, lesson, { ...options, world: fakeWorld({}) });
    expect(report.steps[0]?.failure).toBe(
      "the quiz cannot be answered as it should: every choice is correct, so no answer can be wrong",
    );
    expect(summarize([report]).exitCode).toBe(1);
  });

  it("refuses a lesson whose names are taken by what was there before, and touches nothing", async () => {
    const world = fakeWorld({ good: { before: fail, after: pass } }, [], ["container postgres"]);
    const report = await verifyLesson(pack, lessonWith("good"), { ...options, world });
    expect(report.refused).toBe(
      "container postgres has the lesson's names but was there before; verify leaves it alone (remove or rename it yourself, or verify on another engine)",
    );
    expect(report.steps).toEqual([]);
    expect(world.solved).toEqual([]);
    // Only verify's own record of the lesson's start is forgotten: a later run starts afresh.
    expect(world.ended).toEqual([lessonWith("good").id]);
    expect(summarize([report])).toMatchObject({ ok: false, refused: 1, failures: 0, exitCode: 2 });
    expect(junitXml([report])).toContain(
      `<error message="not run: container postgres has the lesson's names but was there before; verify leaves it alone`,
    );
  });

  it("never runs a lesson that does not lint clean", async () => {
    const world = fakeWorld({ good: { before: fail, after: pass } });
    const report = await verifyLesson(pack, lessonWith("good"), { ...options, world, lintErrors: () => 2 });
    expect(report.refused).toBe("it does not lint clean (2 errors): run `docker-tutor lint` on its pack");
    expect(world.solved).toEqual([]);
  });

  it("forgets its own start once a lesson ended clean", async () => {
    const world = fakeWorld({ good: { before: fail, after: pass } });
    await verifyLesson(pack, lessonWith("good"), { ...options, world });
    expect(world.ended).toEqual(["three-steps"]);
  });

  it("skips, never passes, what the engine cannot give, and says why", async () => {
    const world = fakeWorld({ good: { before: fail, after: pass }, commit: { before: fail, after: pass } });
    const unmet = (_lesson: Lesson, stepId?: string) =>
      stepId === "commit" ? ["needs Docker itself (Podman's compatible API cannot do this step)"] : [];
    const report = await verifyLesson(pack, lessonWith("good", "commit"), { ...options, world, unmet });
    expect(report.steps.map((s) => [s.id, stepVerdict(s)])).toEqual([
      ["good", "ok"],
      ["commit", "skipped"],
      ["quiz", "ok"],
    ]);
    expect(world.solved).toEqual(["good"]);
    const summary = summarize([report]);
    expect(summary).toMatchObject({ ok: true, skipped: 1, exitCode: 0 });
    expect(junitXml([report])).toContain(
      '<skipped message="needs Docker itself (Podman&apos;s compatible API cannot do this step)"/>'.replace(
        "&apos;",
        "'",
      ),
    );
  });

  it("skips a whole lesson whose needs the engine does not meet", async () => {
    const world = fakeWorld({ good: { before: fail, after: pass } });
    const unmet = (_lesson: Lesson, stepId?: string) => (stepId ? [] : ["needs BuildKit"]);
    const report = await verifyLesson(pack, lessonWith("good"), { ...options, world, unmet });
    expect(report.steps.every((s) => s.skipped === "needs BuildKit")).toBe(true);
    expect(world.solved).toEqual([]);
    expect(summarize([report]).exitCode).toBe(0);
  });

  it("takes a solution that could not reach the engine for an engine error, even once it is back", async () => {
    const lost =
      "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";
    // The checks fail after the failed solution (nothing was made), and the engine answers again.
    const world = fakeWorld(
      { good: { before: fail, after: pass }, cut: { before: fail, after: fail } },
      [],
      [],
      { cut: lost },
    );
    const report = await verifyLesson(pack, lessonWith("cut", "good"), { ...options, world });
    expect(report.steps.map((s) => [s.id, stepVerdict(s)])).toEqual([
      ["cut", "engine-error"],
      ["good", "ok"],
      ["quiz", "ok"],
    ]);
    // Its solution ran again once the engine was back, so the next steps find what they expect.
    expect(world.solved.filter((id) => id === "cut")).toHaveLength(2);
    expect(summarize([report])).toMatchObject({ failures: 0, engineErrors: 1, exitCode: 2 });
  });
});
