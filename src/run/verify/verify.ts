import type { Lesson, Pack } from "../../pack/model.js";
import type { LessonReport, StepReport, VerifyOptions } from "./report.js";
import { skippedStep, verifyStep } from "./step.js";
import { lessonVerdict } from "./verdict.js";

export type { LessonReport, StepReport, VerifyEvent, VerifyOptions, VerifyWorld } from "./report.js";

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
  const lacking = options.unmet?.(lesson) ?? [];
  if (lacking.length > 0) {
    // Not run, and not a failure of the lesson: this engine cannot give it what it declares it needs.
    const steps = lesson.steps.map((step) => skippedStep(step, lacking.join("; ")));
    for (const [index, step] of lesson.steps.entries()) {
      options.emit({ type: "step-start", lesson, step, index, total: lesson.steps.length });
      options.emit({ type: "step-end", lesson, step, report: steps[index] as StepReport });
    }
    const report: LessonReport = {
      id: lesson.id,
      pack: pack.id,
      steps,
      leftovers: [],
      ms: Date.now() - started,
      complete: true,
      refused: undefined,
      ok: true,
    };
    options.emit({ type: "lesson-end", lesson, report });
    return report;
  }
  await world.begin(lesson);
  const { kept } = await world.reset(lesson);
  if (kept.length > 0) {
    // Nothing ran: forget the start just recorded, or what was there now (an image with the ID its
    // build would give) would stay "there before" in every later run, after the learner removed it.
    await world.end(lesson);
    return refuse(
      `${kept.join(", ")} ${kept.length === 1 ? "has" : "have"} the lesson's names but ${kept.length === 1 ? "was" : "were"} there before; verify leaves ${kept.length === 1 ? "it" : "them"} alone (remove or rename ${kept.length === 1 ? "it" : "them"} yourself, or verify on another engine)`,
    );
  }
  const dir = await world.prepare(lesson, pack);

  const { signal } = options;
  const steps: StepReport[] = [];
  let cancelled: LessonReport["cancelled"];
  for (const [index, step] of lesson.steps.entries()) {
    if (signal?.aborted) {
      cancelled = { atStep: undefined };
      break;
    }
    options.emit({ type: "step-start", lesson, step, index, total: lesson.steps.length });
    const stepLacking = options.unmet?.(lesson, step.id) ?? [];
    let report =
      stepLacking.length > 0
        ? skippedStep(step, stepLacking.join("; "))
        : await verifyStep(lesson, step, dir, options);
    // Cut short: its half-done report says nothing; the reset below still removes what it made.
    if (signal?.aborted) {
      cancelled = { atStep: step.id };
      break;
    }
    const engineLost =
      report.engineError || lostTheEngine(report) || (report.failure !== undefined && !(await world.alive()));
    if (step.kind === "task" && engineLost) {
      // The engine went away: the step is an engine error, not a lesson failure. Wait for the engine (it
      // may be back already), then run the step's solution again so the next steps find what they expect.
      report = {
        ...report,
        engineError: true,
        failure: `engine error: the engine stopped answering during this step`,
      };
      options.emit({ type: "engine-away", lesson, step });
      const waited = await untilAborted(world.waitForEngine(options.engineWaitMs), signal);
      if (waited === undefined && signal?.aborted) {
        cancelled = { atStep: step.id };
        break;
      }
      if (waited === undefined) {
        steps.push(report);
        options.emit({ type: "step-end", lesson, step, report });
        break;
      }
      options.emit({ type: "engine-back", lesson, step, waitedMs: waited });
      await world.solve(step, dir, signal);
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
    ...(cancelled ? { cancelled } : {}),
  };
  report.ok = !cancelled && lessonVerdict(report) === "ok";
  if (leftovers.length === 0) await world.end(lesson);
  options.emit({ type: "lesson-end", lesson, report });
  return report;
}

/** Each selected lesson in turn; once the run is cancelled, the lesson under way is its last. */
export async function verifyLessons(
  selected: { pack: Pack; lesson: Lesson }[],
  options: VerifyOptions,
): Promise<LessonReport[]> {
  const reports: LessonReport[] = [];
  for (const { pack, lesson } of selected) {
    if (options.signal?.aborted) break;
    reports.push(await verifyLesson(pack, lesson, options));
  }
  return reports;
}

/** The promise's value, or undefined as soon as the run is cancelled. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * The solution's docker commands could not reach the engine (it went away while they ran), even if it
 * answers again by the time verify looks: the step says nothing about the lesson.
 */
function lostTheEngine(report: StepReport): boolean {
  const output = report.solution === "error" ? (report.solutionRun?.output ?? "") : "";
  return /Cannot connect to the Docker daemon|error during connect|Is the docker daemon running/.test(output);
}
