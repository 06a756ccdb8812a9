/** The resources a check names, so lint and the evaluator can hold it to what the lesson owns. */
import type { CheckReference } from "./check-kind.js";
import { kindOf } from "./kinds/index.js";
import type { Check } from "./vocabulary.js";

export type { CheckReference };

/** Every resource a check names, through `not:` too. */
export function checkReferences(check: Check): CheckReference[] {
  return check.kind === "not" ? checkReferences(check.not) : kindOf(check).references(check);
}

/** Whether the check's verdict depends on containers it does not name (through `not:` too). */
export function dependsOnUnnamedContainers(check: Check): boolean {
  return check.kind === "not"
    ? dependsOnUnnamedContainers(check.not)
    : kindOf(check).dependsOnUnnamedContainers === true;
}
