/** `lint`: every problem as `file:line:col: message` (coloured by severity), then a summary; or JSON. */
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import { formatProblem, type Problem } from "../pack/problem.js";
import { neutralize } from "../text/neutralize.js";

export interface LintReport {
  ok: boolean;
  problems: Problem[];
  packs: number;
  lessons: number;
}

export function lintJson(report: LintReport): string {
  return JSON.stringify({ ok: report.ok, problems: report.problems }, null, 2);
}

export function lintLines(report: LintReport, t: Translate, c: ChalkInstance): string[] {
  const lines = report.problems.map((p) => {
    const text = neutralize(formatProblem(p));
    return p.severity === "error" ? c.red(text) : c.yellow(text);
  });
  const errors = report.problems.filter((p) => p.severity === "error").length;
  if (report.problems.length === 0)
    lines.push(c.green(t("lint.clean", { packs: report.packs, lessons: report.lessons })));
  else lines.push(t("lint.summary", { errors, warnings: report.problems.length - errors }));
  return lines;
}
