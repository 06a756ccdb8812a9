/** Picking packs and lessons for the commands that act on them. */
import type { CommandContext } from "../context.js";
import { TutorError } from "../errors.js";
import type { Lesson, Pack } from "../lessons/model.js";
import { cacheDir } from "../lessons/pack-cache.js";
import { findLesson, loadPacks, packDirs } from "../lessons/pack-sources.js";
import type { Progress } from "../progress/store.js";
import { displayPath } from "../render/paths.js";

/** Every loaded pack (built-in, DOCKER_TUTOR_PACKS, --pack), through the cache, with a warning per broken pack. */
export async function loadAllPacks(ctx: CommandContext): Promise<Pack[]> {
  const { packs, results } = await loadPacks(packDirs(ctx.packs, ctx.env), {
    dir: cacheDir(ctx.env),
    version: ctx.version,
  });
  for (const { dir, loaded } of results) {
    const errors = loaded.problems.filter((p) => p.severity === "error").length;
    if (errors > 0) {
      ctx.output.err(
        ctx.t("list.packProblems", { pack: loaded.pack?.id ?? dir, count: errors, dir: displayPath(dir) }),
      );
    }
  }
  return packs;
}

export function requireLesson(packs: Pack[], ref: string): { pack: Pack; lesson: Lesson } {
  const lesson = findLesson(packs, ref);
  const pack = packs.find((p) => p.id === lesson?.packId);
  if (!lesson || !pack) {
    const known = packs.flatMap((p) => p.lessons.map((l) => l.id)).join(", ");
    throw new TutorError(`no lesson "${ref}"`, `pick one of: ${known || "(no lessons loaded)"}`, 2);
  }
  return { pack, lesson };
}

/** The lesson the learner touched last, from progress. */
export function currentLesson(packs: Pack[], progress: Progress): Lesson | undefined {
  let best: { lesson: Lesson; updated: string } | undefined;
  for (const pack of packs) {
    for (const lesson of pack.lessons) {
      const entry = progress.packs[pack.id]?.lessons[lesson.id];
      if (entry && !entry.completed && (!best || entry.updated > best.updated))
        best = { lesson, updated: entry.updated };
    }
  }
  return best?.lesson;
}
