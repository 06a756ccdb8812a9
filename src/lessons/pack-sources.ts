/** Where packs come from: the built-in one, `--pack DIR` (repeatable) and DOCKER_TUTOR_PACKS (a path list). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type LoadedPack, loadPack } from "./load-pack.js";
import type { Lesson, Pack } from "./model.js";

/** The built-in pack ships beside `src/` and `dist/` alike. */
export const builtInPackDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "lessons",
);

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

export async function loadPacks(dirs: string[]): Promise<LoadedPacks> {
  const results = await Promise.all(dirs.map(async (dir) => ({ dir, loaded: await loadPack(dir) })));
  const packs = results.flatMap((r) => (r.loaded.pack ? [r.loaded.pack] : []));
  return { packs, results };
}

/** A lesson by id across packs; `pack/lesson` disambiguates when two packs share an id. */
export function findLesson(packs: Pack[], ref: string): Lesson | undefined {
  const [first, second] = ref.split("/");
  if (second) return packs.find((p) => p.id === first)?.lessons.find((l) => l.id === second);
  return packs.flatMap((p) => p.lessons).find((l) => l.id === ref);
}
