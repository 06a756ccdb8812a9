/** `docker-tutor list [--json]`: the lessons of every loaded pack, with the learner's status. */
import type { CommandContext } from "../context.js";
import { counts } from "../lessons/model.js";
import { cacheDir, loadPackSummaryCached } from "../lessons/pack-cache.js";
import { packDirs } from "../lessons/pack-sources.js";
import { lessonStatus, readProgress, tutorHome } from "../progress/store.js";
import { displayPath } from "../render/paths.js";
import { palette } from "../render/style.js";

export async function runList(ctx: CommandContext, options: { json?: boolean }): Promise<void> {
  const dirs = packDirs(ctx.packs, ctx.env);
  const cache = cacheDir(ctx.env);
  // Summaries, not whole packs: `list` runs at every start and must cost little more than node itself.
  const [results, { progress, warning }] = await Promise.all([
    Promise.all(
      dirs.map(async (dir) => ({ dir, loaded: await loadPackSummaryCached(dir, cache, ctx.version) })),
    ),
    readProgress(tutorHome(ctx.env)),
  ]);
  if (warning) ctx.output.err(`docker-tutor: ${warning}`);
  for (const { dir, loaded } of results) {
    if (loaded.errors > 0) {
      ctx.output.err(
        ctx.t("list.packProblems", {
          pack: loaded.pack?.id ?? dir,
          count: loaded.errors,
          dir: displayPath(dir),
        }),
      );
    }
  }
  const packs = results.flatMap((r) => (r.loaded.pack ? [r.loaded.pack] : []));
  const rows = packs.flatMap((pack) =>
    pack.lessons.map((lesson) => {
      const { status, stepIndex } = lessonStatus(progress, lesson);
      const title = lesson.title[ctx.language] ?? lesson.title[lesson.primaryLanguage] ?? lesson.id;
      return { lesson, pack, status, stepIndex, title, ...counts(lesson) };
    }),
  );

  if (options.json) {
    const lessons = rows.map((r) => ({
      id: r.lesson.id,
      pack: r.pack.id,
      title: r.title,
      languages: r.lesson.languages,
      steps: r.steps,
      tasks: r.tasks,
      quizzes: r.quizzes,
      status: r.status,
    }));
    ctx.output.out(JSON.stringify({ lessons }, null, 2));
    return;
  }
  if (rows.length === 0) {
    ctx.output.out(ctx.t("list.empty"));
    return;
  }
  const c = palette(ctx.color);
  const width = Math.max(...rows.map((r) => r.lesson.id.length));
  const statusColor = { new: c.dim, "in-progress": c.yellow, done: c.green } as const;
  let lastPack = "";
  for (const r of rows) {
    if (r.pack.id !== lastPack && packs.length > 1)
      ctx.output.out(c.bold(r.pack.title[ctx.language] ?? r.pack.id));
    lastPack = r.pack.id;
    const where =
      r.status === "in-progress"
        ? ctx.t("list.stepOf", { current: r.stepIndex + 1, total: r.steps })
        : ctx.t(`status.${r.status}`);
    const detail = ctx.t("list.steps", { steps: r.steps, tasks: r.tasks, quizzes: r.quizzes });
    ctx.output.out(
      `  ${c.cyan(r.lesson.id.padEnd(width))}  ${r.title}  ${c.dim(`(${detail})`)}  ${statusColor[r.status](where)}`,
    );
  }
}
