/**
 * The one place that words check results. A failure names what was found and what was expected,
 * in one line: `container tutor-web publishes 8081->80/tcp; expected 8080->80/tcp`.
 */
import type { Outcome } from "./result.js";

export function pass(message: string): Outcome {
  return { passed: true, message };
}

export function fail(message: string): Outcome {
  return { passed: false, message };
}

/** `subject actual; expected wanted` */
export function mismatch(subject: string, actual: string, expected: string): Outcome {
  return fail(`${subject} ${actual}; expected ${expected}`);
}

export function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

export function list(items: string[], none = "none"): string {
  return items.length === 0 ? none : items.join(", ");
}

/** `["httpd","-f"]`: how Dockerfiles and `docker inspect` write commands. */
export function jsonList(items: string[] | null | undefined): string {
  return JSON.stringify(items ?? []);
}

/** A hint for a name that does not exist but nearly does: ` (there is tutor_web: a typo?)`. */
export function typoHint(near: string | undefined): string {
  return near ? ` (there is ${near}: a typo?)` : "";
}

/** The outcome of a `not`: the inner check passing is the failure. */
export function negate(inner: Outcome): Outcome {
  // A failure that is the success: keep what was found, drop what the inner check expected.
  if (inner.passed) return fail(`${inner.message}, but it should not`);
  // Drop only the last "; expected ...": the found part may quote text that holds those words.
  const cut = inner.message.lastIndexOf("; expected ");
  return pass(cut >= 0 ? inner.message.slice(0, cut) : inner.message);
}

/** A count against `n` or `{min, max}`. */
export function inRange(
  subject: string,
  actual: string,
  value: number,
  range: number | { min?: number; max?: number },
  noun: string,
): Outcome {
  const counted = (n: number) => `${n} ${plural(noun, n)}`;
  if (typeof range === "number")
    return value === range ? pass("") : mismatch(subject, actual, counted(range));
  if (range.min !== undefined && value < range.min)
    return mismatch(subject, actual, `at least ${counted(range.min)}`);
  if (range.max !== undefined && value > range.max)
    return mismatch(subject, actual, `at most ${counted(range.max)}`);
  return pass("");
}

/** `layers` → `layer` when there is one. */
export function plural(noun: string, n: number): string {
  return n === 1 ? noun.replace(/s$/, "") : noun;
}
