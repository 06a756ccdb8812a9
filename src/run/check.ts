/** `check`'s core: one evaluation of a step's checks against the engine, as a report that draws nothing. */
import { createCheckContext } from "../checks/check-context.js";
import { evaluateChecks } from "../checks/evaluate.js";
import type { CheckResult } from "../checks/result.js";
import type { Engine } from "../engine/connect.js";
import { footprint, type Lesson, type Step } from "../pack/model.js";
import { ensureMarker } from "../world/provenance.js";
import { lessonWorkdir } from "../world/workdir.js";

export interface CheckReport {
  lesson: string;
  step: string;
  passed: boolean;
  /** The engine could not answer some check: the verdict says nothing of the learner's work. */
  engineError: boolean;
  results: CheckResult[];
}

export async function checkStep(
  engine: Engine,
  lesson: Lesson,
  step: Step,
  workdirBase: string,
  home: string,
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
    docker: engine.docker,
    workdir: lessonWorkdir(workdirBase, lesson),
    resources: lesson.meta.resources,
    images: lesson.meta.images,
    engineHost: engine.target.host,
  });
  const results = await evaluateChecks(step.checks, context);
  return {
    lesson: lesson.id,
    step: step.id,
    passed: results.every((r) => r.passed),
    engineError: results.some((r) => r.engineError),
    results,
  };
}
