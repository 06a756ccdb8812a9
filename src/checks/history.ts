/**
 * Whether a step's verdict depends on what happened during it. Apart from the check kinds (type imports
 * only), so the tutor can ask before it loads them.
 */
import type { Check } from "./vocabulary.js";

/** A `happened:` check among them, through `not:` too. */
export function readsHistory(checks: Check[]): boolean {
  const reads = (check: Check): boolean =>
    check.kind === "not" ? reads(check.not) : check.kind === "happened";
  return checks.some(reads);
}
