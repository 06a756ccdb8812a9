/**
 * Lesson working folders: where a lesson's `files` are copied, where the learner edits, where file and
 * dockerfile checks read and where solutions run. Default `./docker-tutor-work/<lesson>`.
 */
import { copyFile, lstat, mkdir, readdir, realpath, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Lesson, Pack } from "../lessons/model.js";
import { isInside } from "../lessons/pack-files.js";

export function workdirBase(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(flag ?? env.DOCKER_TUTOR_WORKDIR ?? "docker-tutor-work");
}

export function lessonWorkdir(base: string, lesson: Lesson): string {
  return path.join(base, lesson.id);
}

/**
 * Creates the lesson's working folder with a copy of its files, on first use only: the learner's
 * edits are never overwritten. Symlinks are followed only when they stay inside the pack.
 */
export async function prepareWorkdir(
  base: string,
  lesson: Lesson,
  pack: Pack,
): Promise<{ dir: string; created: boolean }> {
  const dir = lessonWorkdir(base, lesson);
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  if (exists) return { dir, created: false };
  await mkdir(dir, { recursive: true });
  if (lesson.filesDir) await copyInside(lesson.filesDir, dir, await realpath(pack.dir));
  return { dir, created: true };
}

async function copyInside(from: string, to: string, packRoot: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const real = await realpath(source).catch(() => undefined);
    if (!real || !isInside(packRoot, real)) continue; // a link out of the pack: never followed
    const info = await lstat(real);
    if (info.isDirectory()) {
      await mkdir(target, { recursive: true });
      await copyInside(real, target, packRoot);
    } else if (info.isFile()) {
      await copyFile(real, target);
    }
  }
}

export async function removeWorkdir(base: string, lesson: Lesson): Promise<boolean> {
  const dir = lessonWorkdir(base, lesson);
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  if (exists) await rm(dir, { recursive: true, force: true });
  return exists;
}
