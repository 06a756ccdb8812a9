/** A quiz has at least one right answer. */
import { problem } from "../problem.js";
import type { LintRule } from "./rule.js";

export const quizAnswers: LintRule = {
  name: "quiz-answers",
  check: ({ file, steps }) =>
    steps.flatMap((step) =>
      step.quiz && step.quiz.correct.length === 0
        ? [
            problem(
              file,
              { line: step.quiz.line, column: 1 },
              "a quiz needs at least one choice marked correct: true",
            ),
          ]
        : [],
    ),
};
