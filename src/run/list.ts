/** `list`'s core: every loaded pack's lessons with the learner's status, from small cached summaries. */

import { loadPackSummaryCached, type PackSummary } from "../pack/cache.js";
import { counts } from "../pack/model.js";
import { duplicatePacks, packDirs } from "../pack/sources.js";
import { type LessonStatus, lessonStatus } from "../progress/queries.js";
import { readProgress } from "../progress/store.js";
import { cacheDir, tutorHome } from "../world/paths.js";
import type { PackWarning } from "./select.js";

export interface LessonRow {
  id: string;
  pack: PackSummary;
  title: string;
  languages: string[];
  steps: number;
  tasks: number;
  quizzes: number;
  status: LessonStatus;
  stepIndex: number;
}

export interface LessonList {
  packs: PackSummary[];
  rows: LessonRow[];
  warnings: PackWarning[];
  /** The progress file could not be used. */
  progressWarning: string | undefined;
}

export async function listLessons(
  extra: string[],
  env: NodeJS.ProcessEnv,
  version: string,
  language: string,
): Promise<LessonList> {
  const cache = cacheDir(env);
  // Summaries, not whole packs: `list` runs at every start and must cost little more than node itself.
  const [results, { progress, warning }] = await Promise.all([
    Promise.all(
      packDirs(extra, env).map(async (dir) => ({
        dir,
        loaded: await loadPackSummaryCached(dir, cache, version),
      })),
    ),
    readProgress(tutorHome(env)),
  ]);
  const taken = duplicatePacks(results.map((r) => ({ dir: r.dir, id: r.loaded.pack?.id })));
  const warnings = results.flatMap(({ dir, loaded }) => {
    const errors = loaded.errors + (taken.has(dir) ? 1 : 0);
    return errors > 0 ? [{ pack: loaded.pack?.id ?? dir, dir, errors }] : [];
  });
  const packs = results.flatMap((r) => (r.loaded.pack && !taken.has(r.dir) ? [r.loaded.pack] : []));
  const rows = packs.flatMap((pack) =>
    pack.lessons.map((lesson) => ({
      id: lesson.id,
      pack,
      title: lesson.title[language] ?? lesson.title[lesson.primaryLanguage] ?? lesson.id,
      languages: lesson.languages,
      ...counts(lesson),
      ...lessonStatus(progress, lesson),
    })),
  );
  return { packs, rows, warnings, progressWarning: warning };
}
