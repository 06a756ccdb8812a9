/** One step of verify: its checks before the solution, the solution, its checks after; or why not. */
import type { CheckResult } from "../../checks/result.js";
import type { Lesson, Step } from "../../pack/model.js";
import { quizProblem } from "./quiz.js";
import type { StepReport, VerifyOptions } from "./report.js";

export async function verifyStep(
  lesson: Lesson,
  step: Step,
  dir: string,
  options: VerifyOptions,
): Promise<StepReport> {
  const { world } = options;
  const started = Date.now();
  const report = untried(step);
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
  if (options.signal?.aborted) return done();
  report.negative = before.every((r) => r.passed) ? "passed-unexpectedly" : "failed-as-expected";
  if (report.negative === "passed-unexpectedly") {
    report.results = before;
    report.failure =
      "the checks pass before the solution runs, so they cannot tell whether the learner did the step";
  }

  options.emit({ type: "phase", lesson, step, phase: "solution" });
  phaseStart = Date.now();
  const run = await world.solve(step, dir, options.signal);
  report.timings.solutionMs = Date.now() - phaseStart;
  if (options.signal?.aborted) return done();
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
  const after = await waitForPass(() => world.evaluate(lesson, step, dir), waitMs, options.signal);
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

/**
 * Re-evaluates until every check passes, the wait is over or the run is cancelled; quick at first, then
 * every 500 ms.
 */
async function waitForPass(
  evaluate: () => Promise<CheckResult[]>,
  waitMs: number,
  signal: AbortSignal | undefined,
): Promise<CheckResult[]> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const results = await evaluate();
    const over = Date.now() >= deadline || signal?.aborted;
    if (results.every((r) => r.passed) || results.some((r) => r.engineError) || over) return results;
    await new Promise((resolve) => setTimeout(resolve, Math.min(25 * 2 ** attempt, 500)));
  }
}

/** A step not tried on this engine, and why. */
export function skippedStep(step: Step, reason: string): StepReport {
  return { ...untried(step), skipped: reason };
}

/** A step's report before any phase ran: every phase n/a, nothing failed. */
function untried(step: Step): StepReport {
  return {
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
}
