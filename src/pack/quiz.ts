/** Grading a quiz answer: exactly the choices marked correct, no more, no fewer. */
import type { Step } from "./model.js";

export function isCorrectAnswer(quiz: NonNullable<Step["quiz"]>, chosen: number[]): boolean {
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  return picked.length === quiz.correct.length && picked.every((choice, i) => choice === quiz.correct[i]);
}

/**
 * Every answer a learner could give: each single choice for a one-answer quiz, every non-empty
 * subset for a several-answer one (at most 12 choices, so at most 4095 subsets).
 */
export function possibleAnswers(quiz: NonNullable<Step["quiz"]>, choices: number): number[][] {
  if (!quiz.multiple) return Array.from({ length: choices }, (_, i) => [i]);
  const answers: number[][] = [];
  for (let mask = 1; mask < 1 << choices; mask++) {
    answers.push(Array.from({ length: choices }, (_, i) => i).filter((i) => mask & (1 << i)));
  }
  return answers;
}
