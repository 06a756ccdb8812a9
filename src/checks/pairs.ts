/** Environment variables and labels: every expected KEY=value must be there, others may be too. */
import type { Translate } from "../i18n/index.js";
import { mismatch, pass, said } from "./diagnosis.js";
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
  t: Translate,
  subject: string,
  actual: Record<string, string> | null | undefined,
  expected: Record<string, string>,
  noun: "env" | "label",
): Outcome {
  for (const [key, value] of Object.entries(expected)) {
    const found = actual?.[key];
    if (found === value) continue;
    const fact =
      found === undefined
        ? t(noun === "env" ? "diag.env.missing" : "diag.label.missing", { key })
        : t(noun === "env" ? "diag.env.differs" : "diag.label.differs", { key, value: found });
    return mismatch(t, said(subject, fact), `${key}=${value}`);
  }
  return pass();
}
