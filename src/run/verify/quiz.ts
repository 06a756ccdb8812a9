/** What verify proves of a quiz: it can be answered right in every language, and it can be answered wrong. */
import type { Lesson, Step } from "../../pack/model.js";
import { isCorrectAnswer } from "../../pack/quiz.js";

/** Why the quiz cannot do its job, or undefined when it can. */
export function quizProblem(lesson: Lesson, step: Step): string | undefined {
  const quiz = step.quiz;
  const primary = lesson.text[lesson.primaryLanguage]?.steps[step.id]?.quiz;
  if (!quiz || !primary) return "the step has no quiz";
  const count = primary.choices.length;
  if (quiz.correct.length === 0) return "no choice is marked correct";
  if (quiz.correct.some((i) => i < 0 || i >= count)) return "a correct answer points at no choice";
  if (quiz.correct.length === count) return "every choice is correct, so no answer can be wrong";
  if (!isCorrectAnswer(quiz, quiz.correct)) return "the choices marked correct are not accepted";
  const wrong = Array.from({ length: count }, (_, i) => i).find((i) => !quiz.correct.includes(i)) as number;
  const aWrongAnswer = quiz.multiple ? [...quiz.correct, wrong] : [wrong];
  if (isCorrectAnswer(quiz, aWrongAnswer)) return "a wrong answer is accepted";
  for (const [language, text] of Object.entries(lesson.text)) {
    const translated = text.steps[step.id]?.quiz;
    if (!translated) continue;
    if (translated.choices.length !== count)
      return `the ${language} quiz has ${translated.choices.length} choices; the primary one has ${count}`;
    const texts = translated.choices.map((c) => c.text.trim().toLowerCase());
    const twin = texts.find((t, i) => texts.indexOf(t) !== i);
    if (twin !== undefined) return `the ${language} quiz offers the same choice twice: "${twin}"`;
  }
  return undefined;
}
