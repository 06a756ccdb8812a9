/** Every lint rule, in the order their problems are worth reading; loadPack runs them on each lesson. */
import type { Problem } from "../problem.js";
import { checkPaths } from "./check-paths.js";
import { checkPatterns } from "./check-patterns.js";
import { declaredImages } from "./declared-images.js";
import { distinctiveNames } from "./distinctive-names.js";
import { engineSteps } from "./engine-steps.js";
import { knownPrerequisites } from "./known-prerequisites.js";
import { ownedNames } from "./owned-names.js";
import { quizAnswers } from "./quiz-answers.js";
import type { LessonUnderLint, LintRule, PackUnderLint } from "./rule.js";
import { solutionSafety } from "./solution-safety.js";
import { taskParts } from "./task-parts.js";

export const lintRules: LintRule[] = [
  taskParts,
  quizAnswers,
  ownedNames,
  distinctiveNames,
  solutionSafety,
  declaredImages,
  checkPatterns,
  checkPaths,
  knownPrerequisites,
  engineSteps,
];

export async function lintLesson(lesson: LessonUnderLint, pack: PackUnderLint): Promise<Problem[]> {
  const found = await Promise.all(lintRules.map((rule) => rule.check(lesson, pack)));
  return found.flat();
}
