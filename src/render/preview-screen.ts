/**
 * Draws `preview`'s events. Each screen is the pack's problems first (`file:line:col: message`, as `lint`
 * prints them), then the lesson; with `--watch`, a terminal is cleared before each new screen and a log
 * gets a separator line instead. The focused step's results follow the screen when the engine answers.
 */
import type { ChalkInstance } from "chalk";
import type { Output, Terminal } from "../command-context.js";
import type { Translate } from "../i18n/index.js";
import type { PreviewEvent } from "../run/preview/render-loop.js";
import type { PreviewScreen } from "../run/preview/screen.js";
import { oneLine } from "../text/neutralize.js";
import { clock } from "./clock.js";
import { lessonPreviewLines } from "./lesson-preview.js";
import { lintLines } from "./lint-report.js";
import { displayPath } from "./paths.js";
import { resultLine } from "./result-line.js";

export interface PreviewRendererOptions {
  output: Output;
  terminal: Terminal;
  t: Translate;
  c: ChalkInstance;
  color: boolean;
  watch: boolean;
}

/** Erases the screen and its scrollback, then homes the cursor: each render starts on a clean page. */
const clearScreen = "\x1b[2J\x1b[3J\x1b[H";

export function previewRenderer(options: PreviewRendererOptions): (event: PreviewEvent) => Promise<void> {
  const { output, terminal, t, c, watch } = options;
  return async (event) => {
    switch (event.type) {
      case "screen": {
        const lines = [...watchHeader(event, options), ...(await screenLines(event.screen, options))];
        const text = lines.join("\n");
        output.out(watch && terminal.tty ? `${clearScreen}${text}` : text);
        break;
      }
      case "checking":
        output.out(c.dim(`\n${t("preview.checking", { step: event.step })}`));
        break;
      case "checks": {
        const { checks } = event;
        if ("error" in checks) {
          const { message, fix } = checks.error;
          const line = t("preview.engineError", { step: checks.step, message });
          output.out(c.yellow(oneLine(fix ? `${line} — ${fix}` : line)));
        } else {
          output.out(c.bold(t("preview.results", { step: checks.step })));
          for (const result of checks.report.results) output.out(`  ${resultLine(result, c)}`);
        }
        break;
      }
      case "render-failed":
        output.err(c.yellow(oneLine(t("preview.renderFailed", { message: event.message }))));
        break;
    }
  };
}

/** What a screen shows, whether watched or not. */
export async function screenLines(screen: PreviewScreen, options: PreviewRendererOptions): Promise<string[]> {
  const { t, c, watch } = options;
  const lines: string[] = [];
  const problems = screen.problems.map((p) => ({ ...p, file: displayPath(p.file) }));
  // A clean pack says so only while watching: the line that tells the author the fix worked.
  if (problems.length > 0 || watch) {
    const ok = !problems.some((p) => p.severity === "error");
    const lessons = screen.loaded?.pack.lessons.length ?? 0;
    lines.push(...lintLines({ ok, problems, packs: 1, lessons }, t, c), "");
  }
  if (screen.notice) {
    const { message, fix } = screen.notice;
    lines.push(c.yellow(oneLine(fix ? `${message} — ${fix}` : message)), "");
  }
  if (screen.view) {
    const width = options.terminal.columns;
    lines.push(...(await lessonPreviewLines(screen.view, { t, c, color: options.color, width })));
    const focused = screen.loaded?.step;
    if (focused && focused.checks.length === 0)
      lines.push("", c.dim(t("preview.noChecks", { step: focused.id })));
  }
  while (lines.at(-1) === "") lines.pop();
  return lines;
}

/** While watching: where, and which save this screen follows; on a log, a separator between screens. */
function watchHeader(
  event: Extract<PreviewEvent, { type: "screen" }>,
  options: PreviewRendererOptions,
): string[] {
  const { t, c, watch, terminal } = options;
  if (!watch) return [];
  const watching = c.dim(oneLine(t("preview.watching", { dir: displayPath(event.screen.packDir) })));
  if (event.changed === undefined) return [watching, ""];
  const files =
    event.changed.length > 0 ? event.changed.map(displayPath).join(", ") : displayPath(event.screen.packDir);
  const changed = oneLine(t("preview.changed", { time: clock(new Date()), files }));
  return terminal.tty ? [watching, c.dim(changed), ""] : ["", c.dim(`── ${changed} ──`), ""];
}
