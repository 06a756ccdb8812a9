/**
 * Lesson working folders: where a lesson's `files` are copied, where the learner edits, where file and
 * dockerfile checks read and where solutions run. Default `./docker-tutor-work/<lesson>`.
 */
import { copyFile, lstat, mkdir, mkdtemp, readdir, realpath, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isInside } from "./paths.js";

/** What preparing a working folder needs to know of a lesson and its pack. */
export interface LessonFiles {
  id: string;
  /** Absolute path of the folder copied into the working folder, if any. */
  filesDir: string | undefined;
}

export function lessonWorkdir(base: string, lesson: { id: string }): string {
  return path.join(base, lesson.id);
}

/**
 * Creates the lesson's working folder with a copy of its files, on first use only: the learner's
 * edits are never overwritten. Symlinks are followed only when they stay inside the pack.
 */
export async function prepareWorkdir(
  base: string,
  lesson: LessonFiles,
  packDir: string,
): Promise<{ dir: string; created: boolean }> {
  const dir = lessonWorkdir(base, lesson);
  if (await exists(dir)) return { dir, created: false };
  await mkdir(dir, { recursive: true });
  if (lesson.filesDir) {
    const from = await realpath(lesson.filesDir);
    await copyInside(from, dir, await realpath(packDir), new Set([from]));
  }
  return { dir, created: true };
}

async function copyInside(from: string, to: string, packRoot: string, ancestors: Set<string>): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const real = await realpath(source).catch(() => undefined);
    if (!real || !isInside(packRoot, real)) continue; // a link out of the pack: never followed
    if (ancestors.has(real)) continue; // a link back to a folder above: a loop, never followed
    const info = await lstat(real);
    if (info.isDirectory()) {
      await mkdir(target, { recursive: true });
      await copyInside(real, target, packRoot, new Set([...ancestors, real]));
    } else if (info.isFile()) {
      await copyFile(real, target);
    }
  }
}

export async function removeWorkdir(base: string, lesson: { id: string }): Promise<boolean> {
  const dir = lessonWorkdir(base, lesson);
  const existed = await exists(dir);
  if (existed) await rm(dir, { recursive: true, force: true });
  return existed;
}

function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Why a path cannot be read by a check: the caller words it. */
export type OutsideWorkdir = "absolute" | "outside" | "linkOutside";

/** A path named by a file or dockerfile check, resolved inside the working folder, or why it cannot be. */
export async function resolveInWorkdir(
  workdir: string,
  written: string,
): Promise<{ ok: true; path: string } | { ok: false; why: OutsideWorkdir }> {
  if (path.isAbsolute(written)) return { ok: false, why: "absolute" };
  const resolved = path.resolve(workdir, written);
  if (!isInside(workdir, resolved)) return { ok: false, why: "outside" };
  const real = await realpath(resolved).catch(() => resolved);
  const realRoot = await realpath(workdir).catch(() => workdir);
  if (!isInside(realRoot, real)) return { ok: false, why: "linkOutside" };
  return { ok: true, path: resolved };
}

/** The folder given, or a fresh temporary one that `done` removes (verify leaves no folders behind). */
export async function givenOrTemporaryBase(
  given: string | undefined,
): Promise<{ base: string; done(): Promise<void> }> {
  if (given) return { base: path.resolve(given), done: async () => undefined };
  const base = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-verify-"));
  return { base, done: () => rm(base, { recursive: true, force: true }) };
}
