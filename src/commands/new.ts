/** `docker-tutor new pack DIR` and `new lesson ID [--pack DIR]`: a pack or a lesson to start from (see run/scaffold/). */
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import { scaffoldLines } from "../render/scaffold-report.js";
import { palette } from "../render/style.js";
import { newLesson, newPack } from "../run/scaffold/new.js";

export interface NewPackCommandOptions {
  id?: string;
  languages?: string;
  lesson?: string;
}

export async function runNewPack(
  ctx: CommandContext,
  dir: string,
  options: NewPackCommandOptions,
): Promise<void> {
  const report = await newPack(dir, { ...options, version: ctx.version }, ctx.t);
  for (const line of scaffoldLines(report, ctx.t, palette(ctx.color))) ctx.output.out(line);
}

/** The pack is the global `--pack DIR` (commander gives it to the program wherever it stands), else here. */
export async function runNewLesson(ctx: CommandContext, id: string): Promise<void> {
  if (ctx.packs.length > 1)
    throw new TutorError(ctx.t("new.onePack", { count: ctx.packs.length }), ctx.t("new.onePackFix"), 2);
  const report = await newLesson(ctx.packs[0] ?? process.cwd(), id, ctx.t);
  for (const line of scaffoldLines(report, ctx.t, palette(ctx.color))) ctx.output.out(line);
}
