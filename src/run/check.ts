/** `check`'s core: one evaluation of a step's checks against the engine, as a report that draws nothing. */
import { createCheckContext } from "../checks/check-context.js";
import { evaluateChecks } from "../checks/evaluate.js";
import { readsHistory } from "../checks/history.js";
import type { CheckResult } from "../checks/result.js";
import type { Engine } from "../engine/connect.js";
import type { Translate } from "../i18n/index.js";
import { footprint, type Lesson, type Step } from "../pack/model.js";
import { ownEntry, readProgress } from "../progress/store.js";
import { ownExecs } from "../world/own-execs.js";
import { ensureMarker, type LessonMarker } from "../world/provenance.js";
import { lessonWorkdir } from "../world/workdir.js";

export interface CheckReport {
  lesson: string;
  step: string;
  passed: boolean;
  /** The engine could not answer some check: the verdict says nothing of the learner's work. */
  engineError: boolean;
  results: CheckResult[];
}

/**
 * When the step began, as the tutor recorded it; for a step the tutor never opened, the lesson's first
 * start on this engine (every event of the lesson counts then).
 */
async function stepStart(home: string, lesson: Lesson, step: Step, marker: LessonMarker): Promise<string> {
  const { progress } = await readProgress(home);
  const entry = ownEntry(ownEntry(progress.packs, lesson.packId)?.lessons, lesson.id);
  return ownEntry(entry?.steps, step.id)?.began ?? marker.since;
}

export async function checkStep(
  engine: Engine,
  lesson: Lesson,
  step: Step,
  workdirBase: string,
  home: string,
  t: Translate,
): Promise<CheckReport> {
  // Checking a lesson is working on it: its first start on this engine is recorded, once.
  const { marker } = await ensureMarker(
    home,
    engine.docker,
    engine.target.host,
    "learner",
    footprint(lesson),
  );
  const context = createCheckContext({
    marker,
    ownExecs: ownExecs(home),
    docker: engine.docker,
    workdir: lessonWorkdir(workdirBase, lesson),
    resources: lesson.meta.resources,
    images: lesson.meta.images,
    engineHost: engine.target.host,
    t,
  });
  const results = await evaluateChecks(step.checks, context, {
    stepBegan: readsHistory(step.checks) ? await stepStart(home, lesson, step, marker) : undefined,
  });
  return {
    lesson: lesson.id,
    step: step.id,
    passed: results.every((r) => r.passed),
    engineError: results.some((r) => r.engineError),
    results,
  };
}
