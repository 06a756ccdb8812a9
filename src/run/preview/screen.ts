/**
 * What `preview` shows: the lesson's pack's problems, as `lint` reports them, and the lesson as far as it
 * loads. While watching, every render loads and lints the pack afresh (only changed files are parsed
 * again); a single preview may read the pack cache, whose entries hold until a file changes size or time.
 */
import path from "node:path";
import { TutorError } from "../../errors.js";
import type { Translate } from "../../i18n/index.js";
import type { Lesson, Pack, Step } from "../../pack/model.js";
import type { ParseMemo } from "../../pack/parse-memo.js";
import type { Problem } from "../../pack/problem.js";
import { findLesson, loadPacks } from "../../pack/sources.js";
import { type LessonPreview, lessonPreview } from "./lesson-view.js";

export interface PreviewRequest {
  /** LESSON or PACK/LESSON. */
  lesson: string;
  /** The step to focus on, if any. */
  step: string | undefined;
  /** The language to show the lesson in; checks are worded in `t`'s. */
  language: string;
  t: Translate;
}

/** A line that says what was asked for but cannot be shown, and how to fix it. */
export interface Notice {
  message: string;
  fix?: string;
}

export interface PreviewScreen {
  packDir: string;
  /** Every problem of the lesson's pack, by position: what `lint` reports. */
  problems: Problem[];
  /** The lesson, when it loads. */
  view: LessonPreview | undefined;
  /** The loaded lesson and its focused step, to evaluate that step's checks. */
  loaded: { pack: Pack; lesson: Lesson; step: Step | undefined } | undefined;
  /** The lesson did not load, or has no such step. */
  notice: Notice | undefined;
}

/**
 * The folder of the pack that holds the lesson: found among the loaded packs (those given with --pack
 * first), else the one pack whose problems are in a file named after it (`x.md`, `x.fr.md`), or the one
 * named with --pack whose pack.yaml does not load. Otherwise a usage error. The pack comes with it when
 * it loaded, to be trusted before its checks run.
 */
export async function locateLessonPack(
  dirs: string[],
  named: string[],
  ref: string,
  t: Translate,
  cache?: { dir: string; version: string },
): Promise<{ dir: string; pack: Pack | undefined }> {
  const { packs, results } = await loadPacks(dirs, cache);
  const first = [...packs].sort((a, b) => Number(named.includes(b.dir)) - Number(named.includes(a.dir)));
  const lesson = findLesson(first, ref);
  const holder = lesson && packs.find((p) => p.id === lesson.packId);
  if (holder) return { dir: holder.dir, pack: holder };
  const [packId, lessonId] = ref.includes("/") ? ref.split("/") : [undefined, ref];
  const lessonFile = (file: string) => {
    const base = path.basename(file);
    return (
      base === `${lessonId}.md` ||
      (base.startsWith(`${lessonId}.`) && /^\.[a-z]{2}\.md$/.test(base.slice(`${lessonId}`.length)))
    );
  };
  const candidates = results.filter(
    ({ dir, loaded }) =>
      (packId === undefined || loaded.pack?.id === packId) &&
      (loaded.problems.some((p) => lessonFile(p.file)) || (!loaded.pack && named.includes(dir))),
  );
  const [only, ...others] = candidates;
  if (only && others.length === 0) return { dir: only.dir, pack: only.loaded.pack };
  const ids = packs.flatMap((p) => p.lessons.map((l) => l.id)).join(", ") || "(no lessons loaded)";
  throw new TutorError(t("select.noLesson", { ref }), t("select.pickOne", { ids }), 2);
}

/** How the pack is read: through the pack cache (one preview), or afresh with parsed files kept (a watch). */
export type PreviewSource = { cache: { dir: string; version: string } } | { memo: ParseMemo };

export async function previewScreen(
  packDir: string,
  request: PreviewRequest,
  source: PreviewSource,
): Promise<PreviewScreen> {
  const { t } = request;
  const { packs, results } =
    "cache" in source
      ? await loadPacks([packDir], source.cache)
      : await loadPacks([packDir], undefined, source.memo);
  const problems = results[0]?.loaded.problems ?? [];
  const pack = packs[0];
  const lesson = pack && findLesson([pack], request.lesson);
  if (!pack || !lesson)
    return {
      packDir,
      problems,
      view: undefined,
      loaded: undefined,
      notice: {
        message: t("preview.lessonNotLoaded", { lesson: request.lesson }),
        fix: t("preview.fixAbove"),
      },
    };
  const step = request.step === undefined ? undefined : lesson.steps.find((s) => s.id === request.step);
  const notice =
    request.step !== undefined && !step
      ? {
          message: t("select.noStep", { lesson: lesson.id, step: request.step }),
          fix: t("select.itsSteps", { ids: lesson.steps.map((s) => s.id).join(", ") }),
        }
      : undefined;
  return {
    packDir,
    problems,
    view: lessonPreview(lesson, request.language, t, step?.id),
    loaded: { pack, lesson, step },
    notice,
  };
}
