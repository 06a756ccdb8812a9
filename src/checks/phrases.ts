/**
 * The pieces every kind's `describe` words a check with, in the author's language: lists, quoted text,
 * counts and ranges, name=value pairs. What the words are comes from the i18n catalogs.
 */
import type { Translate } from "../i18n/index.js";

/** `a`, `a and b`, `a, b and c` (`et` in French). */
export function joinWords(items: string[], t: Translate): string {
  if (items.length <= 1) return items[0] ?? "";
  return t("check.and", { rest: items.slice(0, -1).join(", "), last: items.at(-1) as string });
}

/** The subject, then its facts; `none` when the check asks for nothing more than the subject. */
export function sentence(subject: string, facts: string[], none: string, t: Translate): string {
  return `${subject} ${facts.length > 0 ? joinWords(facts, t) : none}`;
}

/** Text a check compares, quoted on one line: `"Hello"`, `« Hello »`; escapes as in JSON. */
export function quoted(text: string, t: Translate): string {
  return t("check.quote", { text: JSON.stringify(text).slice(1, -1) });
}

/** A `matches:` pattern, as written: `/^v\d+/`. */
export function pattern(text: string): string {
  return `/${text}/`;
}

/** `KEY=value, OTHER=x`. */
export function pairs(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}

/** A count field: `3`, `at least 2`, `between 2 and 5`; with the number that decides the noun's form. */
export function range(
  value: number | { min?: number; max?: number },
  t: Translate,
): { words: string; count: number } {
  if (typeof value === "number") return { words: String(value), count: value };
  const { min, max } = value;
  if (min !== undefined && max !== undefined)
    return { words: t("check.range.between", { min, max }), count: max };
  if (min !== undefined) return { words: t("check.range.atLeast", { min }), count: min };
  if (max !== undefined) return { words: t("check.range.atMost", { max }), count: max };
  return { words: t("check.range.any"), count: 2 };
}
