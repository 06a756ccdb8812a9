/**
 * Lint rules: each looks at one parsed lesson (and what the pack knows) and returns its problems.
 * They run on every lesson that parsed, even one whose front matter did not validate (then `meta` is
 * undefined and rules about resources have nothing to say).
 */
import type { LessonText, Step } from "../model.js";
import type { Problem, SourcePosition } from "../problem.js";
import type { FrontMatter } from "../schema.js";

export interface LessonUnderLint {
  /** The primary markdown file. */
  file: string;
  meta: FrontMatter | undefined;
  steps: Step[];
  /** The primary file's words: hints live there. */
  text: LessonText;
  /** The lesson's files folder, when it has a usable one. */
  filesDir: string | undefined;
  locateMeta(path: (string | number)[]): SourcePosition;
}

export interface PackUnderLint {
  /** The pack's id: owned names may start with it. */
  id: string;
  dir: string;
  /** Ids of the pack's lessons. */
  lessonIds: Set<string>;
}

export interface LintRule {
  name: string;
  check(lesson: LessonUnderLint, pack: PackUnderLint): Problem[] | Promise<Problem[]>;
}
