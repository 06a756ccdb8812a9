/**
 * `file:` and `dockerfile:` checks read inside the lesson's working folder only: a path that is
 * absolute, or that leaves the folder once `..` is worked out, is refused here as it is at run time.
 */
import path from "node:path";
import type { Check } from "../../checks/vocabulary.js";
import { isInside } from "../../world/paths.js";
import { type Problem, problem } from "../problem.js";
import type { LintRule } from "./rule.js";

export const checkPaths: LintRule = {
  name: "check-paths",
  check({ file, steps }) {
    const problems: Problem[] = [];
    for (const step of steps) {
      step.checks.forEach((check, i) => {
        const at = step.checkPositions[i] ?? { line: step.line, column: 1 };
        const read = pathRead(check);
        const why = read === undefined ? undefined : leavesWorkdir(read.path);
        if (read && why) problems.push(problem(file, at, `${read.key}: "${read.path}" ${why}`));
      });
    }
    return problems;
  },
};

function pathRead(check: Check): { key: string; path: string } | undefined {
  if (check.kind === "not") return pathRead(check.not);
  if (check.kind === "file") return { key: "file", path: check.file };
  if (check.kind === "dockerfile") return { key: "dockerfile", path: check.dockerfile };
  return undefined;
}

/** Why a path written in a check leaves the working folder, or undefined when it stays inside. */
function leavesWorkdir(written: string): string | undefined {
  const absolute =
    path.posix.isAbsolute(written) || path.win32.isAbsolute(written) || /^[a-zA-Z]:/.test(written);
  if (absolute) return "is absolute; checks read inside the lesson's working folder only";
  const root = path.resolve("/lesson-workdir");
  if (!isInside(root, path.resolve(root, written.replaceAll("\\", "/")))) {
    return "points outside the lesson's working folder";
  }
  return undefined;
}
