/**
 * A lesson as `preview` draws it: prose and hints through the tutor's own markdown renderer, everything
 * else from the pack (titles, quiz words, checks in words, the solution) neutralised, so a pack's escape
 * sequences are shown, never obeyed.
 */
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import type { LessonPreview, QuizView, StepPreview } from "../run/preview/lesson-view.js";
import { neutralize, oneLine } from "../text/neutralize.js";
import { markdownRenderer } from "./terminal-markdown.js";

type Markdown = (text: string) => string;

export interface PreviewStyle {
  t: Translate;
  c: ChalkInstance;
  color: boolean;
  width: number;
}

export async function lessonPreviewLines(view: LessonPreview, style: PreviewStyle): Promise<string[]> {
  const { t, c } = style;
  const md = await markdownRenderer(style.width, style.color);
  const steps = t("list.steps", { steps: view.steps, tasks: view.tasks, quizzes: view.quizzes });
  const lines = [
    c.bold(oneLine(t("preview.heading", { title: view.title, lesson: `${view.packId}/${view.id}`, steps }))),
  ];
  if (view.summary) lines.push(oneLine(view.summary));
  if (view.intro && view.focus === undefined) lines.push("", md(view.intro));
  for (const step of view.shown) lines.push("", ...stepLines(step, view.steps, md, style));
  return lines;
}

function stepLines(step: StepPreview, total: number, md: Markdown, { t, c, width }: PreviewStyle): string[] {
  const kind = t(`preview.kind.${step.kind}`);
  const heading = oneLine(
    t("preview.step", { number: step.number, total, title: step.title, kind, id: step.id }),
  );
  const lines = [c.inverse(` ${heading} `.padEnd(Math.min(width, 100)))];
  if (step.prose) lines.push("", md(step.prose));
  if (step.untranslated) lines.push(c.dim(t("tutor.translationMissing")));
  if (step.quiz) lines.push("", ...quizLines(step.quiz, t, c));
  if (step.checks.length > 0 || step.checksUnread) {
    lines.push("", c.bold(t("preview.checks")));
    for (const check of step.checks) lines.push(`  • ${oneLine(check)}`);
    if (step.checksUnread) lines.push(c.yellow(`  ${t("preview.checksUnread")}`));
  }
  if (step.hints.length > 0) {
    lines.push("", c.bold(t("preview.hints")));
    step.hints.forEach((hint, i) => {
      lines.push(indent(md(hint), `  ${i + 1}. `));
    });
  }
  if (step.solution !== undefined) {
    lines.push("", c.bold(t("preview.solution")));
    for (const line of step.solution.split("\n")) lines.push(c.cyan(`  ${neutralize(line)}`));
  }
  return lines;
}

function quizLines(quiz: QuizView, t: Translate, c: ChalkInstance): string[] {
  const lines = [c.bold(oneLine(t("preview.quiz", { question: quiz.question })))];
  if (quiz.multiple) lines.push(c.dim(t("preview.quizSeveral")));
  for (const choice of quiz.choices) {
    lines.push(`  ${choice.correct ? c.green("✔") : c.red("✖")} ${oneLine(choice.text)}`);
    if (choice.explain) lines.push(c.dim(`      ${oneLine(choice.explain)}`));
  }
  return lines;
}

/** The first line after `first`, the next ones under it. */
function indent(text: string, first: string): string {
  const pad = " ".repeat(first.length);
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? first : pad) + line)
    .join("\n");
}
