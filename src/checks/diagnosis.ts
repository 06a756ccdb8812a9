/**
 * The pieces every check words its results with, in the learner's language. A failure names what was
 * found and what was expected, in one line: `container tutor-web publishes 8081->80/tcp; expected
 * 8080->80/tcp`. A pass says nothing of its own: evaluateCheck words it as the check itself, met.
 */
import type { Translate } from "../i18n/index.js";
import type { Outcome } from "./result.js";

/** Passed; the check's own words say what was met. */
export function pass(): Outcome {
  return { passed: true, message: "" };
}

export function fail(message: string): Outcome {
  return { passed: false, message };
}

/** `found; expected wanted`, keeping `found` apart for a `not`, which passes on it. */
export function mismatch(t: Translate, found: string, expected: string): Outcome {
  return { passed: false, message: t("diag.expected", { found, expected }), found };
}

/** A subject and what it was found to be: `container tutor-web` + `is exited`. */
export function said(subject: string, fact: string): string {
  return `${subject} ${fact}`;
}

/** Text from outside (logs, a body, a last line), quoted on one line and cut short. */
export function quote(text: string, t: Translate, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return t("check.quote", { text: JSON.stringify(short).slice(1, -1) });
}

/** What was found in a list: `none` when empty, else `some` of the items joined (`publishes 8080->80/tcp, 53/udp`). */
export function listedOr(items: string[], none: string, some: (items: string) => string): string {
  return items.length === 0 ? none : some(items.join(", "));
}

/** `["httpd","-f"]`: how Dockerfiles and `docker inspect` write commands. */
export function jsonList(items: string[] | null | undefined): string {
  return JSON.stringify(items ?? []);
}

/** A hint for a name that does not exist but nearly does: ` (there is tutor_web: a typo?)`. */
export function typoHint(near: string | undefined, t: Translate): string {
  return near ? t("diag.typo", { near }) : "";
}

/**
 * The outcome of a `not`: the inner check passing is the failure, worded as the inner check itself;
 * the inner check failing is the success, worded as what it found.
 */
export function negate(inner: Outcome, innerInWords: string, t: Translate): Outcome {
  if (inner.passed) return fail(t("diag.notExpected", { check: innerInWords }));
  return { passed: true, message: inner.found ?? inner.message };
}

/**
 * A count against `n` or `{min, max}`. `found` is what was counted, in words; `counted` words a
 * wanted range and its noun: `at least 2 layers`.
 */
export function inRange(
  t: Translate,
  found: string,
  value: number,
  range: number | { min?: number; max?: number },
  counted: (range: string, count: number) => string,
): Outcome {
  if (typeof range === "number")
    return value === range ? pass() : mismatch(t, found, counted(String(range), range));
  if (range.min !== undefined && value < range.min)
    return mismatch(t, found, counted(t("check.range.atLeast", { min: range.min }), range.min));
  if (range.max !== undefined && value > range.max)
    return mismatch(t, found, counted(t("check.range.atMost", { max: range.max }), range.max));
  return pass();
}
