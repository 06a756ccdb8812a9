/**
 * One lesson file (primary or translation) from source text to typed parts and problems.
 * Pure: the caller reads the file and decides what to do with the problems.
 */
import { parseCheckList } from "../checks/parse.js";
import type { Check } from "../checks/vocabulary.js";
import type { LessonText, QuizText, Step, StepText } from "./model.js";
import { type Problem, problem, type SourcePosition } from "./problem.js";
import { type FencedPart, type StepSection, scanLesson } from "./scan.js";
import { type FrontMatter, frontMatter, quiz, slug, translationFrontMatter } from "./schema.js";
import { unsafeFrontMatter, unsafeStepTitle } from "./text-safety.js";
import { parseYamlSource, readYaml, reportIssues, validateYaml } from "./yaml-source.js";

export interface ParsedPrimary {
  meta: FrontMatter | undefined;
  /** Where each front matter field sits, for later problems about its values. */
  locateMeta: (path: (string | number)[]) => SourcePosition;
  text: LessonText;
  steps: Step[];
  /** Quiz choice counts by step id, so translations can be compared. */
  problems: Problem[];
}

export interface ParsedTranslation {
  id: string | undefined;
  text: LessonText;
  /** Step ids in order, with their heading lines. */
  stepLines: Map<string, number>;
  quizChoiceCounts: Map<string, { count: number; line: number }>;
  problems: Problem[];
}

export function parsePrimaryLesson(source: string, file: string): ParsedPrimary {
  const problems: Problem[] = [];
  const scanned = scanLesson(source);
  for (const p of scanned.problems) problems.push(problem(file, p.at, p.message));
  misplacedParts(file, scanned.introParts, problems);

  let meta: FrontMatter | undefined;
  let locateMeta: ParsedPrimary["locateMeta"] = () => ({ line: 1, column: 1 });
  if (scanned.frontMatter) {
    const { text, contentLine } = scanned.frontMatter;
    const read = validateYaml(file, text, contentLine, frontMatter, "the front matter", problems);
    meta = read.value;
    const yaml = read.yaml ?? parseYamlSource(text, contentLine);
    locateMeta = (path) => yaml.locate(path);
    problems.push(...unsafeFrontMatter(file, yaml));
  }

  const steps: Step[] = [];
  const texts: Record<string, StepText> = {};
  const seen = new Map<string, number>();
  for (const section of scanned.steps) {
    const id = checkStepId(file, section, seen, problems);
    const unsafeTitle = unsafeStepTitle(file, section);
    if (unsafeTitle) problems.push(unsafeTitle);
    const parsed = parseStepParts(file, section, "primary", problems);
    if (!id) continue;
    texts[id] = parsed.text;
    const kind = parsed.checks.length > 0 ? "task" : parsed.quiz ? "quiz" : "read";
    steps.push({
      id,
      kind,
      line: section.line,
      checks: parsed.checks,
      checkPositions: parsed.checkPositions,
      checkBlockLine: parsed.checkBlockLine,
      solution: parsed.solution,
      quiz: parsed.quiz,
    });
  }
  if (scanned.steps.length === 0 && scanned.frontMatter) {
    problems.push(
      problem(file, { line: 1, column: 1 }, "a lesson needs at least one step: a ## heading with {#id}"),
    );
  }

  const text: LessonText = {
    file,
    title: meta?.title ?? "",
    summary: meta?.summary ?? "",
    intro: scanned.intro,
    steps: texts,
  };
  return { meta, locateMeta, text, steps, problems };
}

export function parseTranslation(source: string, file: string): ParsedTranslation {
  const problems: Problem[] = [];
  const scanned = scanLesson(source);
  for (const p of scanned.problems) problems.push(problem(file, p.at, p.message));
  misplacedParts(file, scanned.introParts, problems);

  let id: string | undefined;
  let title = "";
  let summary = "";
  if (scanned.frontMatter) {
    const { value, yaml } = validateYaml(
      file,
      scanned.frontMatter.text,
      scanned.frontMatter.contentLine,
      translationFrontMatter,
      "a translation's front matter (only id, title and summary: the rest comes from the primary file)",
      problems,
    );
    if (value) ({ id, title, summary } = value);
    if (yaml) problems.push(...unsafeFrontMatter(file, yaml));
  }

  const steps: Record<string, StepText> = {};
  const stepLines = new Map<string, number>();
  const quizChoiceCounts = new Map<string, { count: number; line: number }>();
  const seen = new Map<string, number>();
  for (const section of scanned.steps) {
    const stepId = checkStepId(file, section, seen, problems);
    const unsafeTitle = unsafeStepTitle(file, section);
    if (unsafeTitle) problems.push(unsafeTitle);
    const parsed = parseStepParts(file, section, "translation", problems);
    if (!stepId) continue;
    steps[stepId] = parsed.text;
    stepLines.set(stepId, section.line);
    if (parsed.quizChoices) quizChoiceCounts.set(stepId, parsed.quizChoices);
  }
  return {
    id,
    text: { file, title, summary, intro: scanned.intro, steps },
    stepLines,
    quizChoiceCounts,
    problems,
  };
}

interface ParsedParts {
  text: StepText;
  /** Line of the first check block, when the step has one (even one that did not parse). */
  checkBlockLine: number | undefined;
  checks: Check[];
  checkPositions: SourcePosition[];
  solution: Step["solution"];
  quiz: Step["quiz"];
  quizChoices: { count: number; line: number } | undefined;
}

function parseStepParts(
  file: string,
  section: StepSection,
  role: "primary" | "translation",
  problems: Problem[],
): ParsedParts {
  const hints: string[] = [];
  const checks: Check[] = [];
  const checkPositions: SourcePosition[] = [];
  let checkBlockLine: number | undefined;
  let solution: ParsedParts["solution"];
  let quizAnswers: ParsedParts["quiz"];
  let quizText: QuizText | undefined;
  let quizChoices: ParsedParts["quizChoices"];

  for (const part of section.parts) {
    const at = lineAt(part.line);
    if (role === "translation" && (part.kind === "check" || part.kind === "solution")) {
      problems.push(
        problem(
          file,
          at,
          `${part.kind} blocks come from the primary file only: remove this one from the translation`,
        ),
      );
      continue;
    }
    switch (part.kind) {
      case "hint":
        if (part.content.trim() === "") problems.push(problem(file, at, "empty hint block"));
        else hints.push(part.content.trim());
        break;
      case "solution":
        if (solution) problems.push(problem(file, at, "a step has one solution block; merge them"));
        else if (part.content.trim() === "") problems.push(problem(file, at, "empty solution block"));
        else solution = { script: part.content.trim(), line: part.line };
        break;
      case "check": {
        checkBlockLine ??= part.line;
        const yaml = readYaml(file, part.content, part.contentLine, problems);
        if (!yaml) break;
        const parsed = parseCheckList(yaml.value);
        reportIssues(file, yaml, parsed.issues, problems);
        if (parsed.issues.length === 0) {
          checks.push(...parsed.checks);
          parsed.checks.forEach((_, i) => {
            checkPositions.push(yaml.locate([i]));
          });
        }
        break;
      }
      case "quiz": {
        if (quizText) {
          problems.push(problem(file, at, "a step has one quiz block"));
          break;
        }
        const { value: parsedQuiz } = validateYaml(
          file,
          part.content,
          part.contentLine,
          quiz,
          "a quiz",
          problems,
          {
            emptyIsMapping: false,
          },
        );
        if (!parsedQuiz) break;
        const choices = parsedQuiz.choices;
        quizText = {
          question: parsedQuiz.question,
          choices: choices.map((c) => ({ text: c.text, explain: c.explain })),
        };
        quizChoices = { count: choices.length, line: part.line };
        const correct = choices.flatMap((c, i) => (c.correct ? [i] : []));
        if (role === "primary") quizAnswers = { correct, multiple: correct.length > 1, line: part.line };
        break;
      }
    }
  }
  return {
    text: { title: section.title, prose: section.prose, hints, quiz: quizText },
    checkBlockLine,
    checks,
    checkPositions,
    solution,
    quiz: quizAnswers,
    quizChoices,
  };
}

function checkStepId(
  file: string,
  section: StepSection,
  seen: Map<string, number>,
  problems: Problem[],
): string | undefined {
  if (section.id === undefined) return undefined; // already reported by the scanner
  const at = { line: section.line, column: section.idColumn };
  if (!slug.safeParse(section.id).success) {
    problems.push(problem(file, at, `step id "${section.id}" must be lowercase letters, digits and dashes`));
    return undefined;
  }
  const first = seen.get(section.id);
  if (first !== undefined) {
    problems.push(problem(file, at, `duplicate step id "${section.id}" (first used on line ${first})`));
    return undefined;
  }
  seen.set(section.id, section.line);
  return section.id;
}

function misplacedParts(file: string, parts: FencedPart[], problems: Problem[]): void {
  for (const part of parts) {
    problems.push(
      problem(file, lineAt(part.line), `a ${part.kind} block belongs under a step heading (## Title {#id})`),
    );
  }
}

function lineAt(line: number): SourcePosition {
  return { line, column: 1 };
}
