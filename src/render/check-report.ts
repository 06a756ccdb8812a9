/** `check`'s report: one line per check on a terminal, or the JSON shape scripts read. */
import type { ChalkInstance } from "chalk";
import type { TutorError } from "../errors.js";
import type { CheckReport } from "../run/check.js";
import { resultLine } from "./result-line.js";

export function checkLines(report: CheckReport, c: ChalkInstance): string[] {
  return report.results.map((r) => resultLine(r, c));
}

export function checkJson(report: CheckReport): string {
  const results = report.results.map(({ check, passed, message }) => ({ check, passed, message }));
  return JSON.stringify(
    { lesson: report.lesson, step: report.step, passed: report.passed, results },
    null,
    2,
  );
}

/** A usage or engine error, for scripts that read `check --json`: still one JSON object on stdout. */
export function checkErrorJson(error: TutorError): string {
  return JSON.stringify(
    { passed: false, error: { message: error.message, fix: error.fix ?? null, exitCode: error.exitCode } },
    null,
    2,
  );
}
