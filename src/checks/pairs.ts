/** Environment variables and labels: every expected KEY=value must be there, others may be too. */
import { mismatch, pass } from "./diagnosis.js";
import type { Outcome } from "./result.js";

/** `["A=1", "B=x=y"]` → A → 1, B → x=y. */
export function envMap(env: string[] | null | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of env ?? []) {
    const eq = entry.indexOf("=");
    if (eq > 0) map[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return map;
}

export function matchPairs(
  subject: string,
  actual: Record<string, string> | null | undefined,
  expected: Record<string, string>,
  noun: "env" | "label",
): Outcome {
  const prefix = noun === "label" ? "label " : "";
  for (const [key, value] of Object.entries(expected)) {
    const found = actual?.[key];
    if (found !== value) {
      const said = found === undefined ? `has no ${prefix}${key}` : `has ${prefix}${key}=${found}`;
      return mismatch(subject, said, `${key}=${value}`);
    }
  }
  return pass(`${noun === "label" ? "labels" : "env"} ${Object.keys(expected).join(", ")}`);
}
