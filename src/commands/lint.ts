/** `docker-tutor lint [PACK...]`: every problem of the packs as `file:line:col: message`. */
import path from "node:path";
import type { CommandContext } from "../command-context.js";
import { ExitCode } from "../errors.js";
import { byPosition } from "../pack/problem.js";
import { loadPacks, packDirs } from "../pack/sources.js";
import { lintJson, lintLines } from "../render/lint-report.js";
import { displayPath } from "../render/paths.js";
import { palette } from "../render/style.js";

export async function runLint(
  ctx: CommandContext,
  dirs: string[],
  options: { json?: boolean },
): Promise<void> {
  const targets = dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : packDirs(ctx.packs, ctx.env);
  // No cache: authors always see a fresh parse.
  const { packs, results } = await loadPacks(targets);
  const problems = results
    .flatMap((r) => r.loaded.problems)
    .sort(byPosition)
    .map((p) => ({ ...p, file: displayPath(p.file) }));
  const report = {
    ok: !problems.some((p) => p.severity === "error"),
    problems,
    packs: packs.length,
    lessons: packs.reduce((n, pack) => n + pack.lessons.length, 0),
  };
  if (options.json) ctx.output.out(lintJson(report));
  else for (const line of lintLines(report, ctx.t, palette(ctx.color))) ctx.output.out(line);
  if (!report.ok) throw new ExitCode(1);
}
