/** Words a schema issue the way an author can act on it: the field, what it must be, what was found. */
import type { z } from "zod";
import { closest } from "../text/similar.js";

export type YamlPath = (string | number)[];

/** A problem inside a YAML value; `path` leads to the offending node so it can be located in the file. */
export interface ValueIssue {
  path: YamlPath;
  message: string;
  /** True when the path ends at a mapping key rather than a value (unknown fields). */
  atKey?: boolean;
}

export interface IssueContext {
  /** What the value is, for messages: "a container check", "the front matter". */
  what: string;
  /** The top-level fields allowed, listed when an unknown one appears. */
  fields: string[];
  /** Shape hints for union-typed fields, by field name. */
  unionHints?: Record<string, string>;
}

/** `input` is the value that was validated, so messages can say what was found (zod leaves it out). */
export function describeZodError(
  error: z.ZodError,
  input: unknown,
  base: YamlPath,
  context: IssueContext,
): ValueIssue[] {
  return error.issues.flatMap((issue) => describeIssue(issue, input, base, context));
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  base: YamlPath,
  context: IssueContext,
): ValueIssue[] {
  const own = issue.path as (string | number)[];
  const path = [...base, ...own];
  const field = fieldName(own);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = own.length === 0 ? context.fields : [];
      return issue.keys.map((key) => {
        const guess = allowed.length > 0 ? closest(key, allowed) : undefined;
        const hint = guess ? ` (did you mean "${guess}"?)` : "";
        const list = allowed.length > 0 ? `; allowed: ${allowed.join(", ")}` : "";
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown field "${key}" in ${context.what}${hint}${list}`,
        };
      });
    }
    case "invalid_value": {
      // A near miss of a word in the list (`atach`) is most likely a typo of it.
      const given = valueAt(input, own);
      const words = issue.values.filter((v): v is string => typeof v === "string");
      const guess = typeof given === "string" ? closest(given, words) : undefined;
      const hint = guess ? ` (did you mean "${guess}"?)` : "";
      return [
        {
          path,
          message: `${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${hint}`,
        },
      ];
    }
    case "invalid_type":
      return [{ path, message: `${field} ${missingOrWrong(issue, valueAt(input, own))}` }];
    case "invalid_union": {
      const last = own[own.length - 1];
      const hint = (typeof last === "string" && context.unionHints?.[last]) || "see the authoring guide";
      return [{ path, message: `${field} has the wrong shape: expected ${hint}` }];
    }
    case "too_small":
    case "too_big":
      return [{ path, message: `${field}: ${sizeMessage(issue)}` }];
    default:
      return [{ path, message: `${field}: ${issue.message}` }];
  }
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const bound = small
    ? (issue as z.core.$ZodIssueTooSmall).minimum
    : (issue as z.core.$ZodIssueTooBig).maximum;
  const unit = issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
  if (issue.origin === "string" && small && Number(bound) === 1) return "must not be empty";
  return `must have ${small ? "at least" : "at most"} ${String(bound)}${unit}`;
}

function missingOrWrong(issue: z.core.$ZodIssueInvalidType, found: unknown): string {
  if (found === undefined) return `is required (${article(issue.expected)})`;
  return `must be ${article(issue.expected)}, not ${describeValue(found)}`;
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function fieldName(path: (string | number)[]): string {
  const joined = path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "");
  return joined ? `field "${joined}"` : "the value";
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping",
    record: "a mapping",
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
