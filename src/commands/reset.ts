/**
 * `docker-tutor reset [LESSON|--all] [--yes]`: lists what it will remove (only what the lessons own, and
 * their working folders), asks, removes, and clears the lessons' progress.
 */

import { existsSync } from "node:fs";
import type { CommandContext } from "../context.js";
import { connectEngine } from "../engine/connect.js";
import { ExitCode, TutorError } from "../errors.js";
import type { Lesson } from "../lessons/model.js";
import { readProgress, tutorHome, updateProgress } from "../progress/store.js";
import { displayPath } from "../render/paths.js";
import { palette } from "../render/style.js";
import { findOwned, removeOwned } from "../reset/owned.js";
import { lessonWorkdir, removeWorkdir, workdirBase } from "../workspace/workdir.js";
import { currentLesson, loadAllPacks, requireLesson } from "./select.js";

export async function runReset(
  ctx: CommandContext,
  target: string | undefined,
  options: { all?: boolean; yes?: boolean; workdir?: string },
): Promise<void> {
  const packs = await loadAllPacks(ctx);
  const home = tutorHome(ctx.env);
  let lessons: Lesson[];
  if (options.all) {
    if (target)
      throw new TutorError(
        "give a lesson or --all, not both",
        "`docker-tutor reset LESSON` or `reset --all`",
        2,
      );
    lessons = packs.flatMap((p) => p.lessons);
  } else if (target) {
    lessons = [requireLesson(packs, target).lesson];
  } else {
    const current = currentLesson(packs, (await readProgress(home)).progress);
    if (!current)
      throw new TutorError("no lesson in progress", "name one (`docker-tutor reset LESSON`) or use --all", 2);
    lessons = [current];
  }

  const engine = await connectEngine(ctx.env);
  const owned = await findOwned(engine.docker, lessons);
  const base = workdirBase(options.workdir, ctx.env);
  const folders = lessons.map((l) => lessonWorkdir(base, l)).filter((dir) => existsSync(dir));
  const c = palette(ctx.color);
  const names = lessons.map((l) => l.id).join(", ");

  if (owned.length === 0 && folders.length === 0) {
    ctx.output.out(`Nothing to remove for ${names}.`);
  } else {
    ctx.output.out(`This removes, for ${names}:`);
    for (const r of owned) ctx.output.out(`  ${r.kind} ${c.cyan(r.name)}`);
    for (const dir of folders) ctx.output.out(`  folder ${c.cyan(displayPath(dir))}`);
    if (!options.yes) {
      if (!process.stdin.isTTY)
        throw new TutorError("reset needs your confirmation", "run it in a terminal, or add --yes", 2);
      const { default: confirm } = await import("@inquirer/confirm");
      const go = await confirm({ message: "Remove them?", default: false }).catch(() => false);
      if (!go) {
        ctx.output.out("Nothing removed.");
        throw new ExitCode(1);
      }
    }
    const report = await removeOwned(engine.docker, owned);
    for (const lesson of lessons) await removeWorkdir(base, lesson);
    ctx.output.out(`Removed ${report.removed.length} resource(s) and ${folders.length} folder(s).`);
    for (const { resource, message } of report.failed)
      ctx.output.err(`could not remove ${resource.kind} ${resource.name}: ${message}`);
    if (report.failed.length > 0) {
      await clearProgress(home, lessons);
      throw new ExitCode(1);
    }
  }
  await clearProgress(home, lessons);
}

async function clearProgress(home: string, lessons: Lesson[]): Promise<void> {
  await updateProgress(home, (progress) => {
    for (const lesson of lessons) delete progress.packs[lesson.packId]?.lessons[lesson.id];
  });
}
