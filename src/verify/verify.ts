/**
 * `verify`: a pack proves itself. For each lesson: reset it, prepare its working folder, and for every
 * task step in order check that its checks FAIL before the solution (a check that passes on an untouched
 * engine teaches nothing), run the solution, and check that they PASS within a bounded wait. Quizzes must
 * accept exactly their correct answers. Then reset again and make sure nothing owned is left behind.
 * The core emits events; renderers (live line, plain log, JSON, JUnit) draw them.
 */

import { createCheckContext } from "../checks/context.js";
import { evaluateChecks } from "../checks/evaluate.js";
import type { CheckResult } from "../checks/result.js";
import type { Docker } from "../engine/client.js";
import type { Lesson, Pack, Step } from "../lessons/model.js";
import { isCorrectAnswer, possibleAnswers } from "../lessons/quiz.js";
import { findOwned, removeOwned } from "../reset/owned.js";
import { prepareWorkdir, removeWorkdir } from "../workspace/workdir.js";
import { runSolution, type SolutionRun } from "./solution.js";

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

export interface VerifyOptions {
  docker: Docker;
  engineHost: string;
  /** Folder under which each lesson gets its working folder. */
  workdirBase: string;
  /** `docker compose` or `docker-compose`, told to solutions as $DOCKER_TUTOR_COMPOSE. */
  composeCommand: string | undefined;
  solutionTimeoutMs: number;
  /** How long to wait for an engine that stopped answering before giving the lesson up. */
  engineWaitMs: number;
  /** How long the checks may take to pass after the solution (servers need a moment). */
  positiveWaitMs: number;
  emit: (event: VerifyEvent) => void;
}

/** A lesson failure; an engine error is not one. */
export function stepFailed(report: StepReport): boolean {
  return report.failure !== undefined && !report.engineError;
}

async function engineAnswers(docker: Docker): Promise<boolean> {
  const deadline = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  return Promise.race([
    docker.ping().then(
      () => true as const,
      () => false as const,
    ),
    deadline,
  ]);
}

/** Milliseconds waited until the engine answered again, or undefined when it did not within `limitMs`. */
async function waitForEngine(docker: Docker, limitMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await engineAnswers(docker)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

export async function verifyLesson(
  pack: Pack,
  lesson: Lesson,
  options: VerifyOptions,
): Promise<LessonReport> {
  const started = Date.now();
  options.emit({ type: "lesson-start", lesson });
  await resetLesson(lesson, options);
  const { dir } = await prepareWorkdir(options.workdirBase, lesson, pack);
  // Quick checks, one attempt each: the negative phase must not wait for servers that will never start.
  const ctx = createCheckContext({
    docker: options.docker,
    workdir: dir,
    resources: lesson.meta.resources,
    images: lesson.meta.images,
    engineHost: options.engineHost,
    timeouts: { httpMs: 0 },
  });

  const steps: StepReport[] = [];
  for (const [index, step] of lesson.steps.entries()) {
    options.emit({ type: "step-start", lesson, step, index, total: lesson.steps.length });
    let report = await verifyStep(lesson, step, ctx, dir, options);
    if (
      step.kind === "task" &&
      (report.failure || report.engineError) &&
      !(await engineAnswers(options.docker))
    ) {
      // The engine went away: the step is an engine error, not a lesson failure. Wait for the engine,
      // then run the step's solution again so the next steps start from the state they expect.
      report = {
        ...report,
        engineError: true,
        failure: `engine error: the engine stopped answering during this step`,
      };
      options.emit({ type: "engine-away", lesson, step });
      const waited = await waitForEngine(options.docker, options.engineWaitMs);
      if (waited === undefined) {
        steps.push(report);
        options.emit({ type: "step-end", lesson, step, report });
        break;
      }
      options.emit({ type: "engine-back", lesson, step, waitedMs: waited });
      await runSolution(step.solution?.script ?? "", {
        cwd: dir,
        timeoutMs: options.solutionTimeoutMs,
        env: options.composeCommand ? { DOCKER_TUTOR_COMPOSE: options.composeCommand } : {},
      });
    }
    steps.push(report);
    options.emit({ type: "step-end", lesson, step, report });
  }

  await resetLesson(lesson, options);
  const leftovers = (await findOwned(options.docker, [lesson])).map((r) => `${r.kind} ${r.name}`);
  const report: LessonReport = {
    id: lesson.id,
    pack: pack.id,
    steps,
    leftovers,
    ms: Date.now() - started,
    ok: leftovers.length === 0 && !steps.some(stepFailed) && steps.length === lesson.steps.length,
  };
  options.emit({ type: "lesson-end", lesson, report });
  return report;
}

async function resetLesson(lesson: Lesson, options: VerifyOptions): Promise<void> {
  await removeOwned(options.docker, await findOwned(options.docker, [lesson]));
  await removeWorkdir(options.workdirBase, lesson);
}

async function verifyStep(
  lesson: Lesson,
  step: Step,
  ctx: ReturnType<typeof createCheckContext>,
  dir: string,
  options: VerifyOptions,
): Promise<StepReport> {
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

  if (step.kind === "quiz" && step.quiz) {
    report.positive = verifyQuiz(lesson, step) ? "pass" : "fail";
    if (report.positive === "fail")
      report.failure = "the quiz does not accept exactly the choices marked correct";
    return done();
  }
  if (step.kind !== "task") return done();

  options.emit({ type: "phase", lesson, step, phase: "negative" });
  let phaseStart = Date.now();
  const before = await evaluateChecks(step.checks, ctx);
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
  const run = await runSolution(step.solution?.script ?? "", {
    cwd: dir,
    timeoutMs: options.solutionTimeoutMs,
    env: options.composeCommand ? { DOCKER_TUTOR_COMPOSE: options.composeCommand } : {},
  });
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
  const after = await waitForPass(step, ctx, options.positiveWaitMs);
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
async function waitForPass(
  step: Step,
  ctx: ReturnType<typeof createCheckContext>,
  waitMs: number,
): Promise<CheckResult[]> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const results = await evaluateChecks(step.checks, ctx);
    if (results.every((r) => r.passed) || results.some((r) => r.engineError) || Date.now() >= deadline)
      return results;
    await new Promise((resolve) => setTimeout(resolve, Math.min(25 * 2 ** attempt, 500)));
  }
}

/** In every language, exactly the correct set of choices is accepted, and the choices line up. */
function verifyQuiz(lesson: Lesson, step: Step): boolean {
  const quiz = step.quiz;
  if (!quiz || quiz.correct.length === 0) return false;
  const choices = lesson.text[lesson.primaryLanguage]?.steps[step.id]?.quiz?.choices.length ?? 0;
  for (const text of Object.values(lesson.text)) {
    const translated = text.steps[step.id]?.quiz;
    if (translated && translated.choices.length !== choices) return false;
  }
  const accepted = possibleAnswers(quiz, choices).filter((answer) => isCorrectAnswer(quiz, answer));
  return accepted.length === 1 && accepted[0]?.join(",") === quiz.correct.join(",");
}
