/**
 * YAML parsed with its positions kept, so that a schema issue at `steps[2].checks[0].state`
 * becomes `lesson.md:41:12`. Embedded YAML (front matter, fenced blocks) passes the file
 * line its first line sits on.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { ValueIssue, YamlPath } from "../validation/issues.js";
import type { SourcePosition } from "./problem.js";

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
