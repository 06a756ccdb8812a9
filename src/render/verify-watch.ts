/**
 * Draws `verify --watch`: verify's own log for each run (render/verify-log.ts), between lines that say
 * which save started a run, which run a newer save cancelled and why, and that it is watching again.
 */
import type { ChalkInstance } from "chalk";
import type { Output, Terminal } from "../command-context.js";
import type { Translate } from "../i18n/index.js";
import type { VerifyEvent } from "../run/verify/verify.js";
import type { VerifyWatchEvent } from "../run/verify/watch.js";
import { oneLine } from "../text/neutralize.js";
import { clock } from "./clock.js";
import { lintLines } from "./lint-report.js";
import { displayPath } from "./paths.js";
import { summaryLine, verifyEventsRenderer } from "./verify-log.js";

export interface VerifyWatchRenderer {
  verify(event: VerifyEvent): void;
  watch(event: VerifyWatchEvent): void;
}

export function verifyWatchRenderer(
  output: Output,
  terminal: Terminal,
  t: Translate,
  c: ChalkInstance,
): VerifyWatchRenderer {
  const files = (changed: string[]) => oneLine(changed.map(displayPath).join(", "));
  return {
    verify: verifyEventsRenderer(output, terminal, false, c),
    watch(event) {
      const now = clock(new Date());
      switch (event.type) {
        case "run-start": {
          const cause = event.changed && event.changed.length > 0 ? ` (${files(event.changed)} changed)` : "";
          output.out(c.bold(`\n── ${now} · verifying ${event.lessons.join(", ")}${cause} ──`));
          break;
        }
        case "cancelling":
          output.out(
            c.yellow(
              `■ ${now} · ${files(event.changed)} changed: cancelling the run of ${event.lessons.join(", ")}, stale now (it cleans up first)`,
            ),
          );
          break;
        case "problems": {
          const problems = event.problems.map((p) => ({ ...p, file: displayPath(p.file) }));
          for (const line of lintLines({ ok: false, problems, packs: 0, lessons: 0 }, t, c)) output.out(line);
          break;
        }
        case "not-run":
          output.out(c.yellow(`! not run: ${oneLine(event.reason)}`));
          break;
        case "run-end":
          if (!event.cancelled) output.out(summaryLine(event.summary, c));
          break;
        case "idle":
          output.out(
            c.dim(
              `Watching ${oneLine(event.dirs.map(displayPath).join(", "))}: save a file to verify again; Ctrl+C to leave.`,
            ),
          );
          break;
        case "failed":
          output.err(c.yellow(`! ${oneLine(event.message)}`));
          break;
      }
    },
  };
}
