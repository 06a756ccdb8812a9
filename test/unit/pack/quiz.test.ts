import { describe, expect, it } from "vitest";
import { choiceOrder, isCorrectAnswer, quizKey } from "../../../src/pack/quiz.js";

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

describe("the order of a quiz's choices", () => {
  const step = quizKey({ packId: "docker-basics", id: "what-is-docker" }, "quiz-kernel");

  it("is a shuffle of every choice, the same for one learner at every visit", () => {
    const order = choiceOrder(4, "5eed", step);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(choiceOrder(4, "5eed", step)).toEqual(order);
  });

  it("differs between learners and between steps, and puts the right answer first only by chance", () => {
    const seeds = Array.from({ length: 200 }, (_, n) => `learner-${n}`);
    const orders = new Set(seeds.map((seed) => choiceOrder(4, seed, step).join("")));
    expect(orders.size).toBeGreaterThan(12);
    expect(choiceOrder(4, "5eed", "docker-basics/images/quiz-tag")).not.toEqual(choiceOrder(4, "5eed", step));
    // Choice 0 (where authors like to put the answer) comes first for about a quarter of the learners.
    const first = seeds.filter((seed) => choiceOrder(4, seed, step)[0] === 0).length;
    expect(first).toBeGreaterThan(25);
    expect(first).toBeLessThan(75);
  });

  it("grades the choices by what they are, not where they are shown", () => {
    const single = { correct: [0], multiple: false, line: 1 };
    const order = choiceOrder(4, "another-learner", step);
    // The learner picks the row that shows the correct choice; its value is the authored index.
    const shown = order.map((value) => ({ value }));
    const row = shown.findIndex((c) => c.value === 0);
    expect(isCorrectAnswer(single, [shown[row]?.value ?? -1])).toBe(true);
    expect(isCorrectAnswer(single, [shown[(row + 1) % 4]?.value ?? -1])).toBe(false);
  });
});
