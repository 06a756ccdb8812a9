/** The loaded form of packs and lessons: what every command after loading works with. */
import type { Check } from "../checks/vocabulary.js";
import type { LessonFootprint } from "../world/resources.js";
import type { SourcePosition } from "./problem.js";
import type { FrontMatter, PackManifest } from "./schema.js";

export type StepKind = "task" | "quiz" | "read";

/** The words of a quiz in one language; which choices are correct comes from the primary file. */
export interface QuizText {
  question: string;
  choices: { text: string; explain: string | undefined }[];
}

/** Everything about a step that is said in words, in one language. */
export interface StepText {
  title: string;
  prose: string;
  hints: string[];
  quiz: QuizText | undefined;
}

export interface LessonText {
  file: string;
  title: string;
  summary: string;
  intro: string;
  steps: Record<string, StepText>;
}

/** A step's language-independent part: its checks, solution and quiz answers. */
export interface Step {
  id: string;
  kind: StepKind;
  line: number;
  checks: Check[];
  /** Where each check starts in the primary file, parallel to `checks`. */
  checkPositions: SourcePosition[];
  /** Line of the step's first check block, also when it did not parse (lint uses it). */
  checkBlockLine: number | undefined;
  solution: { script: string; line: number } | undefined;
  quiz: { correct: number[]; multiple: boolean; line: number } | undefined;
}

export interface Lesson {
  id: string;
  packId: string;
  /** The primary markdown file (absolute). */
  file: string;
  meta: FrontMatter;
  /** Absolute path of the folder copied into the learner's working directory, if any. */
  filesDir: string | undefined;
  primaryLanguage: string;
  /** Languages with text, the primary one first. */
  languages: string[];
  text: Record<string, LessonText>;
  steps: Step[];
}

export interface Pack {
  id: string;
  /** Absolute path of the pack folder. */
  dir: string;
  manifest: PackManifest;
  /** Languages the pack promises: the keys of its title. */
  languages: string[];
  lessons: Lesson[];
}

/** What the lesson owns and uses on the engine: all the world layer needs to know of it. */
export function footprint(lesson: Lesson): LessonFootprint {
  return {
    id: lesson.id,
    packId: lesson.packId,
    resources: lesson.meta.resources,
    images: lesson.meta.images,
  };
}

/** The lesson's text in `language`, step by step falling back to the primary language. */
export function localize(
  lesson: Lesson,
  language: string,
): { text: LessonText; language: string; fallback: boolean } {
  const primary = lesson.text[lesson.primaryLanguage] as LessonText;
  const wanted = lesson.text[language];
  if (!wanted)
    return { text: primary, language: lesson.primaryLanguage, fallback: language !== lesson.primaryLanguage };
  const steps: Record<string, StepText> = {};
  let fallback = false;
  for (const step of lesson.steps) {
    const own = wanted.steps[step.id];
    if (!own) fallback = true;
    steps[step.id] = own ?? (primary.steps[step.id] as StepText);
  }
  return { text: { ...wanted, steps }, language, fallback };
}

export function counts(lesson: { steps: { kind: StepKind }[] }): {
  steps: number;
  tasks: number;
  quizzes: number;
} {
  return {
    steps: lesson.steps.length,
    tasks: lesson.steps.filter((s) => s.kind === "task").length,
    quizzes: lesson.steps.filter((s) => s.kind === "quiz").length,
  };
}
