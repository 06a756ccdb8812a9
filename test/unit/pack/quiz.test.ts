import { describe, expect, it } from "vitest";
import { isCorrectAnswer, possibleAnswers } from "../../../src/pack/quiz.js";

describe("grading a quiz", () => {
  const single = { correct: [1], multiple: false, line: 1 };
  const several = { correct: [0, 2], multiple: true, line: 1 };

  it("accepts exactly the correct choices", () => {
    expect(isCorrectAnswer(single, [1])).toBe(true);
    expect(isCorrectAnswer(single, [0])).toBe(false);
    expect(isCorrectAnswer(several, [2, 0])).toBe(true);
    expect(isCorrectAnswer(several, [0])).toBe(false);
    expect(isCorrectAnswer(several, [0, 1, 2])).toBe(false);
  });

  it("enumerates every answer a learner could give", () => {
    expect(possibleAnswers(single, 3)).toEqual([[0], [1], [2]]);
    expect(possibleAnswers(several, 3)).toHaveLength(7);
    expect(possibleAnswers(several, 3).filter((a) => isCorrectAnswer(several, a))).toEqual([[0, 2]]);
  });
});
