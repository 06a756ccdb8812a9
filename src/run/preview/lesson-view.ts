/**
 * A lesson as the learner will see it, as data a renderer draws: every step's words in the chosen
 * language, and what the learner only meets on demand (every hint, the solution, which quiz choices are
 * right and why), with the checks in words. Nothing runs and no progress is read.
 */
import { checkInWords } from "../../checks/in-words.js";
import type { Translate } from "../../i18n/index.js";
import { counts, type Lesson, localize, type QuizText, type Step, type StepKind } from "../../pack/model.js";

export interface QuizView {
  question: string;
  /** More than one choice is right: the learner ticks several. */
  multiple: boolean;
  choices: { text: string; correct: boolean; explain: string | undefined }[];
}

export interface StepPreview {
  id: string;
  kind: StepKind;
  /** 1-based place in the lesson. */
  number: number;
  title: string;
  /** Markdown. */
  prose: string;
  /** The step is shown in the primary language: the chosen one lacks it. */
  untranslated: boolean;
  /** Markdown, in the order the learner gets them. */
  hints: string[];
  solution: string | undefined;
  quiz: QuizView | undefined;
  /** Each check in words, in the author's language. */
  checks: string[];
  /** The step has a check block that did not parse: its checks are missing here, the problems say why. */
  checksUnread: boolean;
}

export interface LessonPreview {
  packId: string;
  id: string;
  title: string;
  summary: string;
  /** Markdown before the first step. */
  intro: string;
  /** Every step, or the focused one. */
  shown: StepPreview[];
  /** The lesson's steps, shown or not, and how many are tasks and quizzes. */
  steps: number;
  tasks: number;
  quizzes: number;
  /** The one step shown, when a step is focused. */
  focus: string | undefined;
}

export function lessonPreview(lesson: Lesson, language: string, t: Translate, focus?: string): LessonPreview {
  const { text } = localize(lesson, language);
  const primary = lesson.text[lesson.primaryLanguage];
  const steps = lesson.steps.map((step, index): StepPreview => {
    const words = text.steps[step.id];
    return {
      id: step.id,
      kind: step.kind,
      number: index + 1,
      title: words?.title ?? step.id,
      prose: words?.prose ?? "",
      untranslated:
        language !== lesson.primaryLanguage && lesson.text[language]?.steps[step.id] === undefined,
      hints: words?.hints ?? [],
      solution: step.solution?.script,
      quiz: quizView(step, words?.quiz ?? primary?.steps[step.id]?.quiz),
      checks: step.checks.map((check) => checkInWords(check, t)),
      checksUnread: step.checkBlockLine !== undefined && step.checks.length === 0,
    };
  });
  return {
    packId: lesson.packId,
    id: lesson.id,
    title: text.title,
    summary: text.summary,
    intro: text.intro,
    shown: focus === undefined ? steps : steps.filter((s) => s.id === focus),
    ...counts(lesson),
    focus,
  };
}

function quizView(step: Step, words: QuizText | undefined): QuizView | undefined {
  if (!step.quiz || !words) return undefined;
  const { correct, multiple } = step.quiz;
  return {
    question: words.question,
    multiple,
    choices: words.choices.map((choice, i) => ({ ...choice, correct: correct.includes(i) })),
  };
}
