import { describe, expect, it } from "vitest";
import { isCorrectAnswer } from "../../../src/pack/quiz.js";

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

  it("accepts one answer out of every one a learner could give", () => {
    // Every non-empty subset of three choices: seven answers, of which only the correct set is right.
    const answers = Array.from({ length: 7 }, (_, n) => [0, 1, 2].filter((i) => (n + 1) & (1 << i)));
    expect(answers.filter((a) => isCorrectAnswer(several, a))).toEqual([[0, 2]]);
    expect([[0], [1], [2]].filter((a) => isCorrectAnswer(single, a))).toEqual([[1]]);
  });
});
