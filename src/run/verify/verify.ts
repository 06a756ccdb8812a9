/**
 * `verify`: a pack proves itself. For each lesson: reset it, prepare its working folder, and for every
 * task step in order check that its checks FAIL before the solution (a check that passes on an untouched
 * engine teaches nothing), run the solution, and check that they PASS within a bounded wait. Quizzes must
 * accept exactly their correct answers. Then reset again and make sure nothing owned is left behind.
 * The core emits events; renderers (live line, plain log, JSON, JUnit) draw them.
 */

import type { CheckResult } from "../../checks/result.js";
import type { Lesson, Pack, Step } from "../../pack/model.js";
import type { SolutionRun } from "../solution.js";
import { quizProblem } from "./quiz.js";
import { lessonVerdict } from "./verdict.js";

export type Negative = "failed-as-expected" | "passed-unexpectedly" | "engine-error" | "n/a";
export type SolutionStatus = "ok" | "error" | "n/a";
export type Positive = "pass" | "fail" | "engine-error" | "n/a";

export interface StepReport {
  id: string;
  kind: Step["kind"];
  negative: Negative;
  solution: SolutionStatus;
  positive: Positive;
  ms: number;
  /** Phase durations, for the report. */
  timings: { negativeMs: number; solutionMs: number; positiveMs: number };
  /** Check results of the phase that went wrong (or of the positive phase). */
  results: CheckResult[];
  solutionRun: SolutionRun | undefined;
  /** One line: why the step failed; undefined when it passed. */
  failure: string | undefined;
  /** The engine stopped answering during the step: it says nothing about the lesson. */
  engineError: boolean;
}

export interface LessonReport {
  id: string;
  pack: string;
  steps: StepReport[];
  /** Owned resources still there after the final reset. */
  leftovers: string[];
  ms: number;
  /** Every step was tried (an engine that never came back breaks a lesson off). */
  complete: boolean;
  /**
   * Why verify would not run the lesson, when it would not (one line): its names are taken by what was
   * there before, or it does not lint clean. Undefined when it ran.
   */
  refused: string | undefined;
  /** The lesson's verdict is ok (see verdict.ts). */
  ok: boolean;
}

export type VerifyEvent =
  | { type: "lesson-start"; lesson: Lesson }
  | { type: "step-start"; lesson: Lesson; step: Step; index: number; total: number }
  | { type: "phase"; lesson: Lesson; step: Step; phase: "negative" | "solution" | "positive" }
  | { type: "step-end"; lesson: Lesson; step: Step; report: StepReport }
  | { type: "engine-away"; lesson: Lesson; step: Step }
  | { type: "engine-back"; lesson: Lesson; step: Step; waitedMs: number }
  | { type: "lesson-end"; lesson: Lesson; report: LessonReport };

/**
 * What verify does to the world, so the core can run on a fake (see engine-world.ts for the real one).
 * `evaluate` makes one quick attempt per check: no waiting for servers that will never start.
 */
export interface VerifyWorld {
  /** Records verify's own start of the lesson on this engine (kept if an earlier run was cut off). */
  begin(lesson: Lesson): Promise<void>;
  /**
   * Removes what the lesson owns (made since verify started it) and its working folder; returns what
   * has the lesson's names but was there before, which it leaves alone.
   */
  reset(lesson: Lesson): Promise<{ kept: string[] }>;
  /** The lesson ended clean: verify forgets its start, so the next run begins afresh. */
  end(lesson: Lesson): Promise<void>;
  /** Creates the lesson's working folder afresh; its path. */
  prepare(lesson: Lesson, pack: Pack): Promise<string>;
  evaluate(lesson: Lesson, step: Step, workdir: string): Promise<CheckResult[]>;
  solve(step: Step, workdir: string): Promise<SolutionRun>;
  /** What the lesson still owns on the engine, worded `container tutor-web`. */
  leftovers(lesson: Lesson): Promise<string[]>;
  /** The engine answers a ping now. */
  alive(): Promise<boolean>;
  /** Milliseconds until the engine answered again, or undefined after `limitMs`. */
  waitForEngine(limitMs: number): Promise<number | undefined>;
}

export interface VerifyOptions {
  world: VerifyWorld;
  solutionTimeoutMs: number;
  /** How long to wait for an engine that stopped answering before giving the lesson up. */
  engineWaitMs: number;
  /** How long the checks may take to pass after the solution (servers need a moment). */
  positiveWaitMs: number;
  emit: (event: VerifyEvent) => void;
  /** How many lint errors the lesson has; a lesson with any is not run. */
  lintErrors?: (lesson: Lesson) => number;
}

export async function verifyLesson(
  pack: Pack,
  lesson: Lesson,
  options: VerifyOptions,
): Promise<LessonReport> {
  const started = Date.now();
  options.emit({ type: "lesson-start", lesson });
  const { world } = options;
  const refuse = (reason: string): LessonReport => {
    const report: LessonReport = {
      id: lesson.id,
      pack: pack.id,
      steps: [],
      leftovers: [],
      ms: Date.now() - started,
      complete: false,
      refused: reason,
      ok: false,
    };
    options.emit({ type: "lesson-end", lesson, report });
    return report;
  };
  // A lesson that does not lint clean may hold a solution that removes what is not its own: never run.
  const unsound = options.lintErrors?.(lesson) ?? 0;
  if (unsound > 0)
    return refuse(
      `it does not lint clean (${unsound} ${unsound === 1 ? "error" : "errors"}): run \`docker-tutor lint\` on its pack`,
    );
  await world.begin(lesson);
  const { kept } = await world.reset(lesson);
  if (kept.length > 0)
    return refuse(
      `${kept.join(", ")} ${kept.length === 1 ? "has" : "have"} the lesson's names but ${kept.length === 1 ? "was" : "were"} there before; verify leaves ${kept.length === 1 ? "it" : "them"} alone (remove or rename ${kept.length === 1 ? "it" : "them"} yourself, or verify on another engine)`,
    );
  const dir = await world.prepare(lesson, pack);

  const steps: StepReport[] = [];
  for (const [index, step] of lesson.steps.entries()) {
    options.emit({ type: "step-start", lesson, step, index, total: lesson.steps.length });
    let report = await verifyStep(lesson, step, dir, options);
    if (step.kind === "task" && (report.failure || report.engineError) && !(await world.alive())) {
      // The engine went away: the step is an engine error, not a lesson failure. Wait for the engine,
      // then run the step's solution again so the next steps start from the state they expect.
      report = {
        ...report,
        engineError: true,
        failure: `engine error: the engine stopped answering during this step`,
      };
      options.emit({ type: "engine-away", lesson, step });
      const waited = await world.waitForEngine(options.engineWaitMs);
      if (waited === undefined) {
        steps.push(report);
        options.emit({ type: "step-end", lesson, step, report });
        break;
      }
      options.emit({ type: "engine-back", lesson, step, waitedMs: waited });
      await world.solve(step, dir);
    }
    steps.push(report);
    options.emit({ type: "step-end", lesson, step, report });
  }

  await world.reset(lesson);
  const leftovers = await world.leftovers(lesson);
  const report: LessonReport = {
    id: lesson.id,
    pack: pack.id,
    steps,
    leftovers,
    ms: Date.now() - started,
    complete: steps.length === lesson.steps.length,
    refused: undefined,
    ok: false,
  };
  report.ok = lessonVerdict(report) === "ok";
  if (leftovers.length === 0) await world.end(lesson);
  options.emit({ type: "lesson-end", lesson, report });
  return report;
}

async function verifyStep(
  lesson: Lesson,
  step: Step,
  dir: string,
  options: VerifyOptions,
): Promise<StepReport> {
  const { world } = options;
  const started = Date.now();
  const report: StepReport = {
    id: step.id,
    kind: step.kind,
    negative: "n/a",
    solution: "n/a",
    positive: "n/a",
    ms: 0,
    timings: { negativeMs: 0, solutionMs: 0, positiveMs: 0 },
    results: [],
    solutionRun: undefined,
    failure: undefined,
    engineError: false,
  };
  const done = () => ({ ...report, ms: Date.now() - started });

  if (step.kind === "quiz") {
    const problem = quizProblem(lesson, step);
    report.positive = problem ? "fail" : "pass";
    if (problem) report.failure = `the quiz cannot be answered as it should: ${problem}`;
    return done();
  }
  if (step.kind !== "task") return done();

  options.emit({ type: "phase", lesson, step, phase: "negative" });
  let phaseStart = Date.now();
  const before = await world.evaluate(lesson, step, dir);
  report.timings.negativeMs = Date.now() - phaseStart;
  if (before.some((r) => r.engineError)) {
    report.negative = "engine-error";
    report.engineError = true;
    report.results = before;
    report.failure = `engine error before the solution: ${before.find((r) => r.engineError)?.message}`;
    return done();
  }
  report.negative = before.every((r) => r.passed) ? "passed-unexpectedly" : "failed-as-expected";
  if (report.negative === "passed-unexpectedly") {
    report.results = before;
    report.failure =
      "the checks pass before the solution runs, so they cannot tell whether the learner did the step";
  }

  options.emit({ type: "phase", lesson, step, phase: "solution" });
  phaseStart = Date.now();
  const run = await world.solve(step, dir);
  report.timings.solutionMs = Date.now() - phaseStart;
  report.solutionRun = run;
  report.solution = run.exitCode === 0 ? "ok" : "error";
  if (report.solution === "error") {
    const why = run.timedOut
      ? `timed out after ${options.solutionTimeoutMs / 1000} s`
      : `exited ${run.exitCode}`;
    report.failure ??= `the solution ${why}`;
  }

  options.emit({ type: "phase", lesson, step, phase: "positive" });
  phaseStart = Date.now();
  // After a failed solution nothing is starting: one look, no waiting for a pass that cannot come.
  const waitMs = report.solution === "error" ? 0 : options.positiveWaitMs;
  const after = await waitForPass(() => world.evaluate(lesson, step, dir), waitMs);
  report.timings.positiveMs = Date.now() - phaseStart;
  if (report.negative !== "passed-unexpectedly") report.results = after;
  if (after.some((r) => r.engineError)) {
    report.positive = "engine-error";
    report.engineError = true;
    report.failure ??= `engine error after the solution: ${after.find((r) => r.engineError)?.message}`;
  } else {
    report.positive = after.every((r) => r.passed) ? "pass" : "fail";
    if (report.positive === "fail") {
      report.failure ??= `the checks still fail after the solution: ${after.find((r) => !r.passed)?.message}`;
    }
  }
  return done();
}

/** Re-evaluates until every check passes or the wait is over; quick at first, then every 500 ms. */
async function waitForPass(evaluate: () => Promise<CheckResult[]>, waitMs: number): Promise<CheckResult[]> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const results = await evaluate();
    if (results.every((r) => r.passed) || results.some((r) => r.engineError) || Date.now() >= deadline)
      return results;
    await new Promise((resolve) => setTimeout(resolve, Math.min(25 * 2 ** attempt, 500)));
  }
}

/** Each selected lesson in turn. */
export async function verifyLessons(
  selected: { pack: Pack; lesson: Lesson }[],
  options: VerifyOptions,
): Promise<LessonReport[]> {
  const reports: LessonReport[] = [];
  for (const { pack, lesson } of selected) reports.push(await verifyLesson(pack, lesson, options));
  return reports;
}
