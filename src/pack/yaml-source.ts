/**
 * YAML parsed with its positions kept, so that a schema issue at `steps[2].checks[0].state`
 * becomes `lesson.md:41:12`. Embedded YAML (front matter, fenced blocks) passes the file
 * line its first line sits on.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { describeZodError, type ValueIssue, type YamlPath } from "../validation/issues.js";
import { type Problem, problem, type SourcePosition } from "./problem.js";

export interface YamlSource {
  value: unknown;
  /** Syntax errors, already placed in the file. */
  errors: { at: SourcePosition; message: string }[];
  /** The file position of the node at `path` (or of its key), falling back to the nearest ancestor. */
  locate(path: YamlPath, atKey?: boolean): SourcePosition;
}

/** Beyond this, YAML is refused rather than parsed: lesson YAML is a few kilobytes. */
const maxYamlBytes = 256 * 1024;

export function parseYamlSource(text: string, firstLine: number, indent = 0): YamlSource {
  const lineCounter = new LineCounter();
  const place = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col + indent };
  };
  if (text.length > maxYamlBytes) {
    return {
      value: undefined,
      errors: [
        {
          at: { line: firstLine, column: 1 },
          message: `YAML block is too large (over ${maxYamlBytes} bytes)`,
        },
      ],
      locate: () => ({ line: firstLine, column: 1 }),
    };
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    // Pathological input (e.g. nesting deep enough to exhaust the stack) must stay a problem, not a crash.
    return {
      value: undefined,
      errors: [{ at: { line: firstLine, column: 1 }, message: `YAML cannot be read: ${errorText(error)}` }],
      locate: () => ({ line: firstLine, column: 1 }),
    };
  }
  const errors = doc.errors.map((error) => ({
    at: place(error.pos[0]),
    message: `YAML: ${firstSentence(error.message)}`,
  }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      errors.push({
        at: { line: firstLine, column: 1 },
        message: `YAML cannot be read: ${errorText(error)}`,
      });
    }
  }
  const locate = (path: YamlPath, atKey = false): SourcePosition => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let best = node?.range ? node.range[0] : 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
        );
        if (!pair) break;
        const key = pair.key as Node;
        if (last && atKey && key.range) return place(key.range[0]);
        node = pair.value as Node | null;
        const range = node?.range ?? key.range;
        if (range) best = range[0];
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment] as Node | undefined;
        if (node?.range) best = node.range[0];
        else break;
      } else break;
    }
    return place(best);
  };
  return { value, errors, locate };
}

/** Places value issues (from schema validation) in the file. */
export function placeIssues(
  source: YamlSource,
  issues: ValueIssue[],
): { at: SourcePosition; message: string }[] {
  return issues.map((issue) => ({ at: source.locate(issue.path, issue.atKey), message: issue.message }));
}

function firstSentence(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}

function errorText(error: unknown): string {
  if (error instanceof RangeError) return "it is nested too deeply";
  return error instanceof Error ? firstSentence(error.message) : String(error);
}

/** A YAML block's syntax errors as problems of `file`; the parsed source when it has none. */
export function readYaml(
  file: string,
  text: string,
  firstLine: number,
  problems: Problem[],
): YamlSource | undefined {
  const yaml = parseYamlSource(text, firstLine);
  for (const e of yaml.errors) problems.push(problem(file, e.at, e.message));
  return yaml.errors.length === 0 ? yaml : undefined;
}

/** Value issues (from a schema, or a check list's parser) as problems placed in `file`. */
export function reportIssues(
  file: string,
  yaml: YamlSource,
  issues: ValueIssue[],
  problems: Problem[],
): void {
  for (const p of placeIssues(yaml, issues)) problems.push(problem(file, p.at, p.message));
}

/**
 * The one path from YAML text to a typed value: syntax errors, then the schema, each problem placed at
 * `file:line:col`. `value` is undefined when anything was wrong; `yaml` is kept to locate later problems.
 */
export function validateYaml<S extends z.ZodObject>(
  file: string,
  text: string,
  firstLine: number,
  schema: S,
  what: string,
  problems: Problem[],
  options: { emptyIsMapping?: boolean } = {},
): { value: z.output<S> | undefined; yaml: YamlSource | undefined } {
  const yaml = readYaml(file, text, firstLine, problems);
  if (!yaml) return { value: undefined, yaml: undefined };
  const input = options.emptyIsMapping === false ? yaml.value : (yaml.value ?? {});
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, yaml };
  const issues = describeZodError(result.error, yaml.value, [], { what, fields: Object.keys(schema.shape) });
  reportIssues(file, yaml, issues, problems);
  return { value: undefined, yaml };
}
