/** Where a problem sits in a pack file; lines and columns count from 1. */
export interface SourcePosition {
  line: number;
  column: number;
}

export type Severity = "error" | "warning";

/** One thing wrong with a pack, reported as `file:line:col: message`. */
export interface Problem extends SourcePosition {
  file: string;
  severity: Severity;
  message: string;
}

export function problem(
  file: string,
  at: SourcePosition,
  message: string,
  severity: Severity = "error",
): Problem {
  return { file, line: at.line, column: at.column, severity, message };
}

export function formatProblem(p: Problem): string {
  const tag = p.severity === "warning" ? "warning: " : "";
  return `${p.file}:${p.line}:${p.column}: ${tag}${p.message}`;
}

export function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Turns offsets inside a text into line/column positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  at(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}
