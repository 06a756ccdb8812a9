/**
 * `verify --watch`: verifies, then again after every save in the packs' folders. A save verifies the
 * lessons whose files it touched (the lesson file, a translation, the lesson's `files`); a save of
 * anything else (pack.yaml, shared files) verifies the lessons asked for with --lesson, else all. A save
 * that touches a lesson of the run under way makes that run stale: it is cancelled (it stops, kills its
 * solution, resets the lesson) and the new one starts once it has cleaned up. Draws nothing.
 */
import type { Lesson, Pack } from "../../pack/model.js";
import type { Problem } from "../../pack/problem.js";
import { isInside } from "../../world/paths.js";
import type { GivenPacks } from "../select.js";
import { type FolderWatch, watchFolder } from "../watch-files.js";
import { summarize, type VerifySummary } from "./verdict.js";
import type { LessonReport } from "./verify.js";

export type VerifyWatchEvent =
  /** `changed`: the files of the save(s) that asked for this run; undefined for the first one. */
  | { type: "run-start"; lessons: string[]; changed: string[] | undefined }
  | { type: "cancelling"; lessons: string[]; changed: string[] }
  /** Problems that keep lessons from running: a pack.yaml that does not load, lint errors of a lesson. */
  | { type: "problems"; problems: Problem[] }
  /** Nothing can run (no such lesson any more, or the packs are not trusted as they are now): one line. */
  | { type: "not-run"; reason: string }
  | { type: "run-end"; summary: VerifySummary; cancelled: boolean }
  | { type: "idle"; dirs: string[] }
  /** A save could not be acted on (its packs did not load, the run broke): one line; watching goes on. */
  | { type: "failed"; message: string };

export interface VerifyWatchOptions {
  /** The packs given (absolute): watched, and loaded afresh at every save. */
  dirs: string[];
  /** --lesson ids: what a save of anything but a lesson's own files verifies (default: every lesson). */
  wanted: string[];
  load(dirs: string[]): Promise<GivenPacks>;
  /** Why the packs may not run as they are now (their claims changed since they were trusted), if so. */
  refusal(packs: Pack[]): Promise<string | undefined>;
  /** verify's run loop, bound to the engine. */
  verify(
    selected: { pack: Pack; lesson: Lesson }[],
    run: { signal: AbortSignal; lintErrors: (lesson: Lesson) => number },
  ): Promise<LessonReport[]>;
  emit(event: VerifyWatchEvent): void;
  /** Changes below these folders do not count (a working folder inside a pack). */
  ignored: string[];
  /** Ctrl+C: the run under way is cancelled and cleaned up, then watching ends. */
  signal: AbortSignal;
}

/** Which lessons a save asks for: those whose files it touched; `others` when it touched anything else. */
export function lessonsOfSave(packs: Pack[], files: string[]): { ids: Set<string>; others: boolean } {
  const ids = new Set<string>();
  let others = files.length === 0;
  for (const file of files) {
    const owner = packs
      .flatMap((p) => p.lessons)
      .find(
        (l) =>
          l.file === file ||
          Object.values(l.text).some((t) => t.file === file) ||
          (l.filesDir !== undefined && isInside(l.filesDir, file)),
      );
    if (owner) ids.add(owner.id);
    else others = true;
  }
  return { ids, others };
}

interface Run {
  lessons: Set<string>;
  controller: AbortController;
  done: Promise<void>;
}

interface Queued {
  /** Empty: the lessons asked for (--lesson, else all). */
  ids: Set<string>;
  changed: Set<string>;
}

export async function watchVerify(
  o: VerifyWatchOptions,
): Promise<{ ok: true } | { ok: false; message: string }> {
  let running: Run | undefined;
  // The first run: the lessons asked for.
  let queued: Queued | undefined = { ids: new Set(), changed: new Set() };
  /** Why watching ended early: a pack folder that can no longer be watched. */
  let failure: string | undefined;
  const over = () => o.signal.aborted || failure !== undefined;
  const askedIds = (packs: Pack[]) =>
    o.wanted.length > 0 ? o.wanted : packs.flatMap((p) => p.lessons.map((l) => l.id));
  const failed = (error: unknown) =>
    o.emit({ type: "failed", message: error instanceof Error ? error.message : String(error) });

  const start = async (next: Queued): Promise<void> => {
    const given = await o.load(o.dirs);
    if (given.unusable.length > 0)
      return o.emit({ type: "problems", problems: given.unusable.flatMap((u) => u.problems) });
    const ids = next.ids.size > 0 ? next.ids : new Set(askedIds(given.packs));
    const all = given.packs.flatMap((pack) => pack.lessons.map((lesson) => ({ pack, lesson })));
    const selected = all.filter((s) => ids.has(s.lesson.id));
    if (selected.length === 0)
      return o.emit({ type: "not-run", reason: `no lesson ${[...ids].join(", ")} in the packs given` });
    const refusal = await o.refusal(given.packs);
    if (over()) return;
    if (queued) {
      // A newer save came while this run got ready: it is stale already; one run does for both.
      for (const id of ids) queued.ids.add(id);
      for (const file of next.changed) queued.changed.add(file);
      return;
    }
    if (refusal) return o.emit({ type: "not-run", reason: refusal });
    const problems = selected
      .flatMap((s) => given.lessonProblems(s.lesson))
      .filter((p) => p.severity === "error");
    if (problems.length > 0) o.emit({ type: "problems", problems });
    const lessons = selected.map((s) => s.lesson.id);
    o.emit({
      type: "run-start",
      lessons,
      changed: next.changed.size > 0 ? [...next.changed].sort() : undefined,
    });
    const controller = new AbortController();
    const run: Run = { lessons: new Set(lessons), controller, done: Promise.resolve() };
    running = run;
    run.done = o
      .verify(selected, { signal: controller.signal, lintErrors: given.lintErrors })
      .then((reports) => {
        o.emit({ type: "run-end", summary: summarize(reports), cancelled: controller.signal.aborted });
      })
      .finally(() => {
        running = undefined;
      });
    await run.done;
  };

  // One run after another while saves queue them; `busy` changes with no await in between, so a save
  // that comes as the queue empties either joins this drain or starts the next one.
  let busy = false;
  let drained: Promise<void> = Promise.resolve();
  const drain = async (): Promise<void> => {
    busy = true;
    try {
      while (queued && !over()) {
        const next = queued;
        queued = undefined;
        await start(next).catch(failed);
      }
    } finally {
      busy = false;
    }
    if (!over()) o.emit({ type: "idle", dirs: o.dirs });
  };
  const kick = () => {
    if (!busy) drained = drain();
  };

  const saved = async (files: string[]) => {
    if (over()) return;
    const given = await o.load(o.dirs);
    const { ids, others } = lessonsOfSave(given.packs, files);
    if (others) for (const id of askedIds(given.packs)) ids.add(id);
    queued ??= { ids: new Set(), changed: new Set() };
    for (const id of ids) queued.ids.add(id);
    for (const file of files) queued.changed.add(file);
    const current = running;
    if (current && (given.unusable.length > 0 || [...ids].some((id) => current.lessons.has(id)))) {
      o.emit({ type: "cancelling", lessons: [...current.lessons], changed: files });
      current.controller.abort();
    }
    kick();
  };

  // Ctrl+C, or a pack folder that can no longer be watched: the run under way is cancelled and cleans up.
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      running?.controller.abort();
      resolve();
    };
  });
  const watches: FolderWatch[] = [];
  for (const dir of o.dirs) {
    const started = watchFolder(dir, (files) => void saved(files).catch(failed), {
      ignore: (file) => o.ignored.some((folder) => isInside(folder, file)),
      onError: (message) => {
        failure ??= message;
        stop();
      },
    });
    if (!started.ok) {
      for (const w of watches) w.close();
      return started;
    }
    watches.push(started.watch);
  }
  try {
    if (o.signal.aborted) stop();
    else o.signal.addEventListener("abort", stop, { once: true });
    kick();
    await stopped;
    await drained;
  } finally {
    for (const w of watches) w.close();
  }
  return failure === undefined ? { ok: true } : { ok: false, message: failure };
}
