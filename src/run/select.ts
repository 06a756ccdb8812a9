/** Picking packs, lessons and steps for the commands that act on them; errors the learner can fix. */
import { TutorError } from "../errors.js";
import type { Translate } from "../i18n/index.js";
import type { Lesson, Pack, Step } from "../pack/model.js";
import type { ParseMemo } from "../pack/parse-memo.js";
import { formatProblem, type Problem } from "../pack/problem.js";
import { findLesson, type LoadedPacks, loadPacks, packDirs } from "../pack/sources.js";
import { currentLesson, lessonStatus } from "../progress/queries.js";
import type { Progress } from "../progress/store.js";
import { cacheDir } from "../world/paths.js";

/** A pack that loaded with errors: its id (or folder) and how many. */
export interface PackWarning {
  pack: string;
  dir: string;
  errors: number;
}

export function packWarnings(loaded: LoadedPacks): PackWarning[] {
  return loaded.results.flatMap(({ dir, loaded }) => {
    const errors = loaded.problems.filter((p) => p.severity === "error").length;
    return errors > 0 ? [{ pack: loaded.pack?.id ?? dir, dir, errors }] : [];
  });
}

/** Every loaded pack (built-in, DOCKER_TUTOR_PACKS, --pack), through the cache. */
export async function loadAllPacks(
  extra: string[],
  env: NodeJS.ProcessEnv,
  version: string,
): Promise<{ packs: Pack[]; warnings: PackWarning[] }> {
  const loaded = await loadPacks(packDirs(extra, env), { dir: cacheDir(env), version });
  return { packs: loaded.packs, warnings: packWarnings(loaded) };
}

/** Packs given on the command line, loaded afresh, with their problems by lesson. */
export interface GivenPacks {
  packs: Pack[];
  warnings: PackWarning[];
  /** The errors in a lesson's own files (its primary file and translations): a lesson with any is not run. */
  lintErrors: (lesson: Lesson) => number;
  /** Every problem in a lesson's own files, errors and warnings, by position. */
  lessonProblems: (lesson: Lesson) => Problem[];
  /** The packs that cannot be used at all (their pack.yaml), each with its problems. */
  unusable: { dir: string; problems: Problem[] }[];
}

/**
 * The packs given, fresh (no cache; `memo` keeps parsed files between the loads of a watch); a pack.yaml
 * that cannot be used is reported in `unusable`.
 */
export async function readGivenPacks(dirs: string[], memo?: ParseMemo): Promise<GivenPacks> {
  const loaded = await loadPacks(dirs, undefined, memo);
  const unusable = loaded.results.flatMap(({ dir, loaded: one }) =>
    one.pack ? [] : [{ dir, problems: one.problems }],
  );
  const all = loaded.results.flatMap((r) => r.loaded.problems);
  const lessonProblems = (lesson: Lesson) => {
    const files = new Set([lesson.file, ...Object.values(lesson.text).map((t) => t.file)]);
    return all.filter((p) => files.has(p.file));
  };
  const lintErrors = (lesson: Lesson) => lessonProblems(lesson).filter((p) => p.severity === "error").length;
  return { packs: loaded.packs, warnings: packWarnings(loaded), lintErrors, lessonProblems, unusable };
}

/** The packs given, fresh; a pack.yaml that cannot be used is a usage error. */
export async function loadGivenPacks(dirs: string[]): Promise<GivenPacks> {
  const given = await readGivenPacks(dirs);
  const [first] = given.unusable;
  if (first) {
    const [reason] = first.problems;
    throw new TutorError(
      `cannot load the pack at ${first.dir}: ${reason ? formatProblem(reason) : "unknown"}`,
      "run `docker-tutor lint` on it",
      2,
    );
  }
  return given;
}

export function allLessons(packs: Pack[]): Lesson[] {
  return packs.flatMap((p) => p.lessons);
}

function knownLessons(packs: Pack[]): string {
  return packs.flatMap((p) => p.lessons.map((l) => l.id)).join(", ") || "(no lessons loaded)";
}

export function requireLesson(packs: Pack[], ref: string, t: Translate): { pack: Pack; lesson: Lesson } {
  const lesson = findLesson(packs, ref);
  const pack = packs.find((p) => p.id === lesson?.packId);
  if (!lesson || !pack)
    throw new TutorError(t("select.noLesson", { ref }), t("select.pickOne", { ids: knownLessons(packs) }), 2);
  return { pack, lesson };
}

/** The lesson named, else the one in progress; a usage error when there is neither. */
export function lessonOrCurrent(
  packs: Pack[],
  progress: Progress,
  ref: string | undefined,
  t: Translate,
  fix: string,
): Lesson {
  if (ref) return requireLesson(packs, ref, t).lesson;
  const current = currentLesson(allLessons(packs), progress);
  if (!current) throw new TutorError(t("select.noneInProgress"), fix, 2);
  return current;
}

/**
 * What `check` looks at, from `PACK/LESSON/STEP`, `LESSON/STEP`, `PACK/LESSON` or `LESSON` (or nothing:
 * the step the learner is at). Two-part targets are read by the ids that exist: a pack and its lesson,
 * else a lesson and its step. At a reading or quiz step, the next task step is meant.
 */
export function resolveCheckTarget(
  packs: Pack[],
  progress: Progress,
  target: string | undefined,
  t: Translate,
): { pack: Pack; lesson: Lesson; step: Step } {
  const parts = target ? target.split("/") : [];
  if (parts.length > 3 || parts.some((p) => p === ""))
    throw new TutorError(t("select.badTarget", { target: target ?? "" }), t("select.targetForms"), 2);
  let lesson: Lesson;
  let stepRef: string | undefined;
  if (parts.length === 3) {
    lesson = requireLesson(packs, `${parts[0]}/${parts[1]}`, t).lesson;
    stepRef = parts[2];
  } else if (parts.length === 2) {
    const [first = "", second = ""] = parts;
    const asPackLesson = findLesson(packs, `${first}/${second}`);
    if (asPackLesson) lesson = asPackLesson;
    else {
      lesson = requireLesson(packs, first, t).lesson;
      stepRef = second;
    }
  } else {
    lesson = lessonOrCurrent(packs, progress, parts[0], t, t("select.nameForCheck"));
  }
  const pack = packs.find((p) => p.id === lesson.packId) as Pack;
  const steps = lesson.steps;
  let index = stepRef ? steps.findIndex((s) => s.id === stepRef) : lessonStatus(progress, lesson).stepIndex;
  if (index < 0)
    throw new TutorError(
      t("select.noStep", { lesson: lesson.id, step: stepRef ?? "" }),
      t("select.itsSteps", { ids: steps.map((s) => s.id).join(", ") }),
      2,
    );
  if (!stepRef) {
    const task = steps.findIndex((s, i) => i >= index && s.kind === "task");
    if (task >= 0) index = task;
  }
  const step = steps[index] as Step;
  if (step.checks.length === 0)
    throw new TutorError(
      t("select.noChecks", { step: `${lesson.id}/${step.id}`, kind: step.kind }),
      t("select.nameTask"),
      2,
    );
  return { pack, lesson, step };
}

/** The lessons of `packs`, or only those named; a name that is no lesson there is a usage error. */
export function selectLessons(packs: Pack[], wanted: string[]): { pack: Pack; lesson: Lesson }[] {
  const selected = packs.flatMap((pack) =>
    pack.lessons
      .filter((l) => wanted.length === 0 || wanted.includes(l.id))
      .map((lesson) => ({ pack, lesson })),
  );
  const unknown = wanted.filter((id) => !selected.some((s) => s.lesson.id === id));
  if (unknown.length > 0)
    throw new TutorError(
      `no lesson ${unknown.join(", ")} in the packs given`,
      "check the ids with `docker-tutor list`",
      2,
    );
  return selected;
}

/** The packs the lessons come from. */
export function packsOf(packs: Pack[], lessons: Lesson[]): Pack[] {
  return packs.filter((p) => lessons.some((l) => l.packId === p.id));
}
