/** Grading a quiz answer, and the order a learner sees its choices in. */
import { createHash } from "node:crypto";
import type { Step } from "./model.js";

export function isCorrectAnswer(quiz: NonNullable<Step["quiz"]>, chosen: number[]): boolean {
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  return picked.length === quiz.correct.length && picked.every((choice, i) => choice === quiz.correct[i]);
}

/**
 * The order to show `count` choices in: a shuffle drawn from the learner's seed and the step, so the
 * right answer is not always where the author wrote it, and a retry, or a later visit, keeps the order.
 * Choices keep their authored index as their value, so grading never depends on the order.
 */
export function choiceOrder(count: number, seed: string, step: string): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const digest = createHash("sha256").update(`${seed}\0${step}`).digest();
  // Fisher-Yates, drawing from the digest two bytes at a time (16 draws cover any quiz).
  for (let i = count - 1; i > 0; i--) {
    const draw = digest.readUInt16BE(((count - 1 - i) * 2) % (digest.length - 1));
    const j = draw % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** What a quiz's order is drawn from, besides the learner's seed: the step, in its lesson and pack. */
export const quizKey = (lesson: { packId: string; id: string }, stepId: string): string =>
  `${lesson.packId}/${lesson.id}/${stepId}`;
