/** One check result as a line: `✔ container tutor-web is running` or `✖ no container named tutor-web`. */
import type { ChalkInstance } from "chalk";
import type { CheckResult } from "../checks/result.js";
import { neutralize } from "../text/neutralize.js";

export function resultLine(result: Pick<CheckResult, "passed" | "message">, c: ChalkInstance): string {
  return `${result.passed ? c.green("✔") : c.red("✖")} ${neutralize(result.message)}`;
}
