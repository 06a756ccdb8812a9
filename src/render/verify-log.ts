/**
 * Draws verify's events: a live line on a terminal (rewritten in place while a step runs), one line per
 * step in CI logs. Both print the same final lines, and a failing step shows its check messages and
 * the tail of its solution's output.
 */
import type { ChalkInstance } from "chalk";
import type { Output, Terminal } from "../command-context.js";
import { stepVerdict, type VerifySummary } from "../run/verify/verdict.js";
import type { LessonReport, StepReport, VerifyEvent } from "../run/verify/verify.js";
import { neutralize } from "../text/neutralize.js";

export interface LineWriter {
  line(text: string): void;
  /** Rewrites the current terminal line; absent when the output is not a terminal. */
  live?: (text: string) => void;
}

const phaseWords = {
  negative: "checking it fails first",
  solution: "running the solution",
  positive: "checking it passes",
};

export function verifyLogRenderer(writer: LineWriter, c: ChalkInstance): (event: VerifyEvent) => void {
  return (event) => {
    switch (event.type) {
      case "lesson-start":
        writer.line(c.bold(`${event.lesson.packId}/${event.lesson.id}`));
        break;
      case "step-start":
        writer.live?.(c.dim(`  … ${event.step.id} (${event.index + 1}/${event.total})`));
        break;
      case "phase":
        writer.live?.(c.dim(`  … ${event.step.id}: ${phaseWords[event.phase]}`));
        break;
      case "step-end":
        writer.line(stepLine(event.report, c));
        if (event.report.failure)
          for (const detail of failureDetails(event.report))
            writer.line(c.dim(`      ${neutralize(detail)}`));
        break;
      case "engine-away":
        writer.line(
          c.yellow(
            `  ⚠ the engine stopped answering during ${event.step.id}; waiting for it (an engine error, not a lesson failure)`,
          ),
        );
        break;
      case "engine-back":
        writer.line(c.green(`  the engine is back after ${(event.waitedMs / 1000).toFixed(1)}s; going on`));
        break;
      case "lesson-end":
        writer.line(lessonLine(event.report, c));
        break;
    }
  };
}

export function stepLine(report: StepReport, c: ChalkInstance): string {
  const verdict = stepVerdict(report);
  const mark = verdict === "ok" ? c.green("✔") : verdict === "engine-error" ? c.yellow("!") : c.red("✖");
  const seconds = `${(report.ms / 1000).toFixed(1)}s`;
  if (verdict === "skipped") return `  ${c.dim("-")} ${report.id} ${c.dim(`skipped: ${report.skipped}`)}`;
  if (report.kind === "read") return `  ${mark} ${report.id} ${c.dim("read")}`;
  if (report.kind === "quiz") return `  ${mark} ${report.id} ${c.dim(`quiz ${report.positive}`)}`;
  const phases = `negative ${report.negative} · solution ${report.solution} · positive ${report.positive}`;
  return `  ${mark} ${report.id} ${c.dim(`task ${phases} ${seconds}`)}`;
}

export function failureDetails(report: StepReport): string[] {
  const lines = [report.failure ?? ""];
  for (const result of report.results)
    lines.push(`${result.passed ? "pass" : "FAIL"} ${result.check}: ${result.message}`);
  const run = report.solutionRun;
  if (run && run.exitCode !== 0) {
    const tail = run.output.trimEnd().split("\n").slice(-10);
    lines.push(`solution output (last ${tail.length} lines):`, ...tail.map((l) => `  ${l}`));
  }
  return lines;
}

function lessonLine(report: LessonReport, c: ChalkInstance): string {
  if (report.refused !== undefined) return c.yellow(`  ! not run: ${neutralize(report.refused)}`);
  if (report.cancelled) {
    const at = report.cancelled.atStep ? ` during ${report.cancelled.atStep}` : "";
    const left =
      report.leftovers.length > 0 ? `left behind: ${report.leftovers.join(", ")}` : "nothing left behind";
    return c.yellow(`  ■ cancelled${at} after ${(report.ms / 1000).toFixed(1)}s; cleaned up, ${left}`);
  }
  const ok = report.steps.filter((s) => stepVerdict(s) === "ok").length;
  const skipped = report.steps.filter((s) => stepVerdict(s) === "skipped").length;
  const left = report.leftovers.length > 0 ? `; left behind: ${report.leftovers.join(", ")}` : "";
  const notTried = skipped > 0 ? ` (${skipped} skipped on this engine)` : "";
  const summary = `${ok}/${report.steps.length} steps ok${notTried} in ${(report.ms / 1000).toFixed(1)}s${left}`;
  return report.ok ? c.green(`  ${summary}`) : c.red(`  ${summary}`);
}

/** The closing line: `verify: 2 lesson(s), 14 step(s), 0 failure(s)`. */
export function summaryLine(summary: VerifySummary, c: ChalkInstance): string {
  const outage = summary.engineErrors > 0 ? `, ${summary.engineErrors} engine error(s)` : "";
  const refused = `${summary.refused > 0 ? `, ${summary.refused} refused` : ""}${summary.skipped > 0 ? `, ${summary.skipped} skipped on this engine` : ""}`;
  const line = `verify: ${summary.lessons} lesson(s), ${summary.steps} step(s), ${summary.failures} failure(s)${outage}${refused}`;
  return summary.ok ? c.green(line) : c.red(line);
}

/** Events drawn on the command's output: a live line on a terminal; nothing in JSON mode. */
export function verifyEventsRenderer(
  output: Output,
  terminal: Terminal,
  json: boolean,
  c: ChalkInstance,
): (event: VerifyEvent) => void {
  if (json) return () => undefined;
  return verifyLogRenderer({ line: output.out, live: terminal.tty ? terminal.live : undefined }, c);
}
