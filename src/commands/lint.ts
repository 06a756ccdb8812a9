/** `docker-tutor lint [PACK...]`: every problem of the packs as `file:line:col: message`. */
import path from "node:path";
import type { CommandContext } from "../context.js";
import { ExitCode } from "../errors.js";
import { loadPacks, packDirs } from "../lessons/pack-sources.js";
import { byPosition, formatProblem } from "../lessons/problem.js";
import { displayPath } from "../render/paths.js";
import { palette } from "../render/style.js";

export async function runLint(
  ctx: CommandContext,
  dirs: string[],
  options: { json?: boolean },
): Promise<void> {
  const targets = dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : packDirs(ctx.packs, ctx.env);
  const { packs, results } = await loadPacks(targets);
  const problems = results.flatMap((r) => r.loaded.problems).sort(byPosition);
  const shown = problems.map((p) => ({ ...p, file: displayPath(p.file) }));
  const errors = problems.filter((p) => p.severity === "error").length;
  const ok = errors === 0;

  if (options.json) {
    ctx.output.out(JSON.stringify({ ok, problems: shown }, null, 2));
  } else {
    const c = palette(ctx.color);
    for (const p of shown)
      ctx.output.out(p.severity === "error" ? c.red(formatProblem(p)) : c.yellow(formatProblem(p)));
    const lessons = packs.reduce((n, pack) => n + pack.lessons.length, 0);
    if (problems.length === 0) ctx.output.out(c.green(ctx.t("lint.clean", { packs: packs.length, lessons })));
    else ctx.output.out(ctx.t("lint.summary", { errors, warnings: problems.length - errors }));
  }
  if (!ok) throw new ExitCode(1);
}
