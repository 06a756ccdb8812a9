/**
 * Every `matches:` pattern compiles with the engine the checks run it on (RE2), so a typo shows at
 * lint time rather than as a failing check in front of the learner.
 */
import { compilePattern } from "../../checks/text-match.js";
import { type Problem, problem } from "../problem.js";
import type { LintRule } from "./rule.js";

export const checkPatterns: LintRule = {
  name: "check-patterns",
  check({ file, steps }) {
    const problems: Problem[] = [];
    for (const step of steps) {
      step.checks.forEach((check, i) => {
        const at = step.checkPositions[i] ?? { line: step.line, column: 1 };
        for (const pattern of patternsIn(check)) {
          const compiled = compilePattern(pattern);
          if (compiled.ok) continue;
          problems.push(
            problem(
              file,
              at,
              `matches: "${pattern}" is not a valid regular expression (${compiled.reason}); patterns are RE2, without lookarounds or backreferences`,
            ),
          );
        }
      });
    }
    return problems;
  },
};

/** Every `matches:` string in a check, at any depth (`logs: {matches}`, `not:`). */
function patternsIn(value: unknown, depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "matches" && typeof inner === "string" ? [inner] : patternsIn(inner, depth + 1),
  );
}
