/** `docker-tutor list [--json]`: the lessons of every loaded pack, with the learner's status. */
import type { CommandContext } from "../command-context.js";
import { lessonListJson, lessonListLines } from "../render/lesson-list.js";
import { palette } from "../render/style.js";
import { listLessons } from "../run/list.js";
import { reportPackWarnings } from "./shared.js";

export async function runList(ctx: CommandContext, options: { json?: boolean }): Promise<void> {
  const list = await listLessons(ctx.packs, ctx.env, ctx.version, ctx.language);
  if (list.progressWarning) ctx.output.err(`docker-tutor: ${list.progressWarning}`);
  reportPackWarnings(ctx, list.warnings);
  if (options.json) ctx.output.out(lessonListJson(list));
  else
    for (const line of lessonListLines(list, ctx.t, palette(ctx.color), ctx.language)) ctx.output.out(line);
}
