/** Grading a quiz answer: exactly the choices marked correct, no more, no fewer. */
import type { Step } from "./model.js";

export function isCorrectAnswer(quiz: NonNullable<Step["quiz"]>, chosen: number[]): boolean {
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  return picked.length === quiz.correct.length && picked.every((choice, i) => choice === quiz.correct[i]);
}
