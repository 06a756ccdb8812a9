/** `doctor`: a line per check with its fix, then the verdict; or the JSON shape scripts read. */
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import type { DoctorReport } from "../run/doctor.js";
import { neutralize } from "../text/neutralize.js";

export function doctorJson(report: DoctorReport): string {
  return JSON.stringify(report, null, 2);
}

export function doctorLines(report: DoctorReport, t: Translate, c: ChalkInstance): string[] {
  const lines = report.checks.map((check) => {
    const mark = check.ok ? c.green("✔") : check.level === "error" ? c.red("✖") : c.yellow("!");
    const fix = check.fix ? c.dim(` — ${check.fix}`) : "";
    return `${mark} ${check.name}: ${neutralize(check.detail)}${fix}`;
  });
  lines.push(report.ok ? t("doctor.ok") : t("doctor.notOk"));
  return lines;
}
