/** What evaluating a check gives: passed or not, and one line that says why. */
import { kindOf } from "./kinds/index.js";
import type { Check } from "./vocabulary.js";

export interface Outcome {
  passed: boolean;
  /** One line naming what was found and, when it failed, what was expected. */
  message: string;
  /** Of a failure, what was found alone: what a `not` of this check says when it passes. */
  found?: string;
}

export interface CheckResult extends Outcome {
  /** A short label of the check: `container tutor-web`, `http 8080`, `not container tutor-old`. */
  check: string;
  /** Set when the engine could not answer: the check says nothing about the learner's work. */
  engineError?: boolean;
}

export function describeCheck(check: Check): string {
  return check.kind === "not" ? `not ${describeCheck(check.not)}` : kindOf(check).label(check);
}
