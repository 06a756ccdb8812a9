/**
 * The one definition of how verify judges: each step gets one verdict, and every renderer (log, JSON,
 * JUnit) and the exit code read it. An engine that stopped answering is never the lesson's failure.
 */
import type { LessonReport, StepReport } from "./verify.js";

export type Verdict = "ok" | "lesson-failure" | "engine-error" | "skipped";

export function stepVerdict(step: Pick<StepReport, "failure" | "engineError" | "skipped">): Verdict {
  if (step.skipped !== undefined) return "skipped";
  if (step.engineError) return "engine-error";
  return step.failure === undefined ? "ok" : "lesson-failure";
}

/** Leftovers after the final reset are the lesson's failure, like a failing step. */
export function leftoverVerdict(lesson: Pick<LessonReport, "leftovers">): Verdict {
  return lesson.leftovers.length > 0 ? "lesson-failure" : "ok";
}

export interface VerifySummary {
  ok: boolean;
  lessons: number;
  steps: number;
  /** Lesson failures: failing steps, and lessons that left something behind. */
  failures: number;
  engineErrors: number;
  /** Lessons verify would not run: their names are taken by what was there before. */
  refused: number;
  /** Steps not tried on this engine: it lacks what they need. Neither passed nor failed. */
  skipped: number;
  /** 0 all good, 1 a lesson failed, 2 only the engine failed or lessons were refused. */
  exitCode: 0 | 1 | 2;
}

export function summarize(reports: LessonReport[]): VerifySummary {
  const steps = reports.flatMap((r) => r.steps);
  const failures =
    steps.filter((s) => stepVerdict(s) === "lesson-failure").length +
    reports.filter((r) => leftoverVerdict(r) === "lesson-failure").length;
  const engineErrors = steps.filter((s) => stepVerdict(s) === "engine-error").length;
  // A lesson broken off by an engine that never came back has fewer steps than it should.
  const incomplete = reports.some((r) => !r.complete);
  const refused = reports.filter((r) => r.refused !== undefined).length;
  const ok = failures === 0 && engineErrors === 0 && refused === 0 && !incomplete;
  const exitCode = failures > 0 ? 1 : ok ? 0 : engineErrors > 0 || refused > 0 ? 2 : 1;
  const skipped = steps.filter((s) => stepVerdict(s) === "skipped").length;
  return {
    ok,
    lessons: reports.length,
    steps: steps.length,
    failures,
    engineErrors,
    refused,
    skipped,
    exitCode,
  };
}

/** A lesson's own verdict: its worst step, leftovers included; "refused" when it could not run here. */
export function lessonVerdict(lesson: LessonReport): Verdict | "refused" {
  if (lesson.refused !== undefined) return "refused";
  const verdicts = [...lesson.steps.map(stepVerdict), leftoverVerdict(lesson)];
  if (verdicts.includes("lesson-failure")) return "lesson-failure";
  if (verdicts.includes("engine-error") || !lesson.complete) return "engine-error";
  return "ok";
}
