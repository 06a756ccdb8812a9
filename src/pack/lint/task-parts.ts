/** A task has checks, a solution and hints; a solution needs checks to prove it; checks and a quiz do not mix. */
import { type Problem, problem } from "../problem.js";
import type { LintRule } from "./rule.js";

export const taskParts: LintRule = {
  name: "task-parts",
  check({ file, steps, text }) {
    const problems: Problem[] = [];
    for (const step of steps) {
      const hasChecks = step.checkBlockLine !== undefined;
      const at = { line: step.line, column: 1 };
      if (hasChecks && step.quiz)
        problems.push(
          problem(
            file,
            { line: step.quiz.line, column: 1 },
            "a step has checks or a quiz, not both: split it in two",
          ),
        );
      if (hasChecks && !step.solution)
        problems.push(problem(file, at, `task step "${step.id}" has no solution block`));
      if (hasChecks && (text.steps[step.id]?.hints.length ?? 0) === 0)
        problems.push(problem(file, at, `task step "${step.id}" has no hint block`));
      if (!hasChecks && step.solution)
        problems.push(
          problem(
            file,
            { line: step.solution.line, column: 1 },
            `step "${step.id}" has a solution but no checks: add a check block so it can be verified`,
          ),
        );
    }
    return problems;
  },
};
