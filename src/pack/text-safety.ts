/**
 * Ids and titles reach the learner's terminal, so lint refuses what could take it over or disguise
 * text: control characters (C0 but tab, DEL, C1; newlines only where a field may span lines) and the
 * bidi overrides and isolates, which make text read differently from what it is.
 */
import { type Problem, problem, type SourcePosition } from "./problem.js";
import type { StepSection } from "./scan.js";
import type { YamlSource } from "./yaml-source.js";

export interface UnsafeCharacter {
  /** Index of the character in the text (UTF-16 units). */
  index: number;
  /** `U+001B`, `U+202E`, ... */
  code: string;
  bidi: boolean;
}

export function findUnsafeCharacter(
  text: string,
  options: { newlines?: boolean } = {},
): UnsafeCharacter | undefined {
  for (let index = 0; index < text.length; index++) {
    const c = text.charCodeAt(index);
    const control = (c < 0x20 && c !== 0x09 && !(options.newlines && c === 0x0a)) || (c >= 0x7f && c <= 0x9f);
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (control || bidi) return { index, code: `U+${c.toString(16).toUpperCase().padStart(4, "0")}`, bidi };
  }
  return undefined;
}

/** The problem with a field's text, placed at `at`, when it holds an unsafe character. */
export function unsafeTextProblem(
  file: string,
  at: SourcePosition | ((index: number) => SourcePosition),
  field: string,
  text: unknown,
  options: { newlines?: boolean } = {},
): Problem | undefined {
  if (typeof text !== "string") return undefined;
  const found = findUnsafeCharacter(text, options);
  if (!found) return undefined;
  const place = typeof at === "function" ? at(found.index) : at;
  const what = found.bidi
    ? `the bidi control ${found.code}, which makes text read differently from what it is`
    : `the control character ${found.code}`;
  return problem(file, place, `${field} holds ${what}: remove it`);
}

/** Problems with the words of a front matter (title, summary; ids are slugs, held to [a-z0-9-]). */
export function unsafeFrontMatter(file: string, yaml: YamlSource): Problem[] {
  const value = yaml.value;
  if (!value || typeof value !== "object") return [];
  const fields = value as Record<string, unknown>;
  return (["title", "summary"] as const).flatMap((field) => {
    const found = unsafeTextProblem(file, yaml.locate([field]), field, fields[field], {
      newlines: field === "summary",
    });
    return found ? [found] : [];
  });
}

/** The problem with a step heading's title, placed at the character itself. */
export function unsafeStepTitle(file: string, section: StepSection): Problem | undefined {
  const at = (index: number) => ({ line: section.line, column: section.titleColumn + index });
  return unsafeTextProblem(file, at, "step title", section.title);
}
