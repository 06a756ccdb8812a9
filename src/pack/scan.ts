/**
 * Splits a lesson's markdown into front matter, introduction and steps, keeping line numbers,
 * so every later problem can point at `file:line:col`. A line scanner rather than a markdown
 * parser: the structure we need (front matter, `##` headings, fenced blocks) is line-based,
 * and the prose itself is rendered later by marked.
 */
import type { SourcePosition } from "./problem.js";

/** The fenced block languages that carry a step's machine-readable parts. */
export const partKinds = ["check", "hint", "solution", "quiz"] as const;
export type PartKind = (typeof partKinds)[number];

export interface FencedPart {
  kind: PartKind;
  /** The block's content, without the fences. */
  content: string;
  /** Line of the opening fence. */
  line: number;
  /** Line of the first content line (content line 1 is this file line). */
  contentLine: number;
}

export interface StepSection {
  /** Id from `{#id}`, or undefined when the heading has none. */
  id: string | undefined;
  title: string;
  line: number;
  /** Column where the title starts. */
  titleColumn: number;
  /** Column where `{#` starts, for problems about the id. */
  idColumn: number;
  prose: string;
  parts: FencedPart[];
}

export interface FrontMatterSection {
  text: string;
  /** File line of the front matter's first content line. */
  contentLine: number;
}

export interface ScannedLesson {
  frontMatter: FrontMatterSection | undefined;
  intro: string;
  introParts: FencedPart[];
  steps: StepSection[];
  /** Structural problems: unclosed fences or front matter, headings without ids. */
  problems: { at: SourcePosition; message: string }[];
}

const fenceOpen = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const headingLine = /^(#{1,6})[ \t]+(.*?)[ \t]*$/;
const idSuffix = /[ \t]*\{#([^}]*)\}[ \t]*$/;

export function scanLesson(source: string): ScannedLesson {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: ScannedLesson["problems"] = [];
  let index = 0;

  let frontMatter: FrontMatterSection | undefined;
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, i) => i > 0 && (line.trim() === "---" || line.trim() === "..."));
    if (end < 0) {
      problems.push({ at: { line: 1, column: 1 }, message: "front matter opened with --- is never closed" });
      index = lines.length;
    } else {
      frontMatter = { text: lines.slice(1, end).join("\n"), contentLine: 2 };
      index = end + 1;
    }
  } else {
    problems.push({
      at: { line: 1, column: 1 },
      message: "a lesson starts with YAML front matter between --- lines (id, title, summary, ...)",
    });
  }

  const intro = { prose: [] as string[], parts: [] as FencedPart[] };
  const steps: StepSection[] = [];
  const stepProse: string[][] = [];
  let current: { prose: string[]; parts: FencedPart[] } = intro;

  while (index < lines.length) {
    const line = lines[index] as string;
    const fence = fenceOpen.exec(line);
    if (fence) {
      const marker = fence[2] as string;
      const info = (fence[3] ?? "").toLowerCase();
      const close = findFenceClose(lines, index + 1, marker);
      if (close < 0) {
        problems.push({
          at: { line: index + 1, column: (fence[1]?.length ?? 0) + 1 },
          message: `code block opened with ${marker} is never closed`,
        });
      }
      const end = close < 0 ? lines.length : close;
      if ((partKinds as readonly string[]).includes(info)) {
        current.parts.push({
          kind: info as PartKind,
          content: lines.slice(index + 1, end).join("\n"),
          line: index + 1,
          contentLine: index + 2,
        });
      } else {
        current.prose.push(...lines.slice(index, Math.min(end + 1, lines.length)));
      }
      index = end + 1;
      continue;
    }
    const heading = headingLine.exec(line);
    if (heading && heading[1] === "##") {
      const raw = heading[2] as string;
      const idMatch = idSuffix.exec(raw);
      const title = (idMatch ? raw.slice(0, idMatch.index) : raw).trim();
      const step: StepSection = {
        id: idMatch ? (idMatch[1] ?? "").trim() : undefined,
        title,
        line: index + 1,
        titleColumn: line.indexOf(raw, (heading[1] as string).length) + 1,
        idColumn: idMatch ? line.indexOf("{#") + 1 : line.length + 1,
        prose: "",
        parts: [],
      };
      if (!idMatch) {
        problems.push({
          at: { line: index + 1, column: 1 },
          message: `step heading "${title}" has no id: end it with {#some-id}`,
        });
      }
      steps.push(step);
      current = { prose: [], parts: step.parts };
      stepProse.push(current.prose);
      index++;
      continue;
    }
    current.prose.push(line);
    index++;
  }

  steps.forEach((step, i) => {
    step.prose = tidy(stepProse[i] ?? []);
  });
  return {
    frontMatter,
    intro: tidy(intro.prose),
    introParts: intro.parts,
    steps,
    problems,
  };
}

function findFenceClose(lines: string[], from: number, marker: string): number {
  const char = marker[0] as string;
  for (let i = from; i < lines.length; i++) {
    const trimmed = (lines[i] as string).trim();
    if (trimmed.length >= marker.length && trimmed === char.repeat(trimmed.length)) {
      const indent = (lines[i] as string).length - (lines[i] as string).trimStart().length;
      if (indent <= 3) return i;
    }
  }
  return -1;
}

/** Prose without leading and trailing blank lines, and with runs of blank lines folded to one. */
function tidy(lines: string[]): string {
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
