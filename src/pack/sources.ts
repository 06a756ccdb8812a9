/** Where packs come from: the built-in one, `--pack DIR` (repeatable) and DOCKER_TUTOR_PACKS (a path list). */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPackCached } from "./cache.js";
import type { LoadedPack } from "./load-pack.js";
import type { Lesson, Pack } from "./model.js";
import type { ParseMemo } from "./parse-memo.js";
import { problem } from "./problem.js";

/** The package root: the nearest folder above this module holding package.json (bundled or not). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The built-in pack ships at the package root, beside `src/` and `dist/`. */
export const builtInPackDir = path.join(packageRoot(), "lessons");

export function packDirs(extra: string[], env: NodeJS.ProcessEnv, withBuiltIn = true): string[] {
  const fromEnv = (env.DOCKER_TUTOR_PACKS ?? "").split(path.delimiter).filter((p) => p.trim() !== "");
  const all = [...(withBuiltIn ? [builtInPackDir] : []), ...fromEnv, ...extra].map((p) => path.resolve(p));
  return [...new Set(all)];
}

export interface LoadedPacks {
  packs: Pack[];
  /** Every pack's load result, in order, problems included. */
  results: { dir: string; loaded: LoadedPack }[];
}

/**
 * Loads packs in order. With `cache`, unchanged packs come from the pack cache without loading the
 * parser at all; `lint` passes none, so authors always see a fresh parse. A watch passes `memo`, so a
 * save reparses only the files it changed (lint runs in full all the same).
 */
export async function loadPacks(
  dirs: string[],
  cache?: { dir: string; version: string },
  memo?: ParseMemo,
): Promise<LoadedPacks> {
  const load = async (dir: string): Promise<LoadedPack> => {
    if (cache) return loadPackCached(dir, cache.dir, cache.version);
    const { loadPack } = await import("./load-pack.js");
    return loadPack(dir, memo);
  };
  const loaded = await Promise.all(dirs.map(async (dir) => ({ dir, loaded: await load(dir) })));
  const taken = duplicatePacks(loaded.map((r) => ({ dir: r.dir, id: r.loaded.pack?.id })));
  // A second pack with a taken id is left out, with a problem: two packs must never share progress.
  const results = loaded.map(({ dir, loaded: one }) => {
    const first = taken.get(dir);
    if (first === undefined) return { dir, loaded: one };
    const clash = problem(
      path.join(dir, "pack.yaml"),
      { line: 1, column: 1 },
      `pack id "${one.pack?.id}" is already the id of the pack at ${first}: give this pack its own id`,
    );
    return { dir, loaded: { pack: undefined, problems: [...one.problems, clash] } };
  });
  const packs = results.flatMap((r) => (r.loaded.pack ? [r.loaded.pack] : []));
  return { packs, results };
}

/** Packs whose id an earlier pack already has, each with the folder of that earlier pack. */
export function duplicatePacks(entries: { dir: string; id: string | undefined }[]): Map<string, string> {
  const firstDir = new Map<string, string>();
  const duplicates = new Map<string, string>();
  for (const { dir, id } of entries) {
    if (id === undefined) continue;
    const first = firstDir.get(id);
    if (first === undefined) firstDir.set(id, dir);
    else duplicates.set(dir, first);
  }
  return duplicates;
}

/** A lesson by id across packs; `pack/lesson` disambiguates when two packs share an id. */
export function findLesson(packs: Pack[], ref: string): Lesson | undefined {
  const [first, second] = ref.split("/");
  if (second) return packs.find((p) => p.id === first)?.lessons.find((l) => l.id === second);
  return packs.flatMap((p) => p.lessons).find((l) => l.id === ref);
}
