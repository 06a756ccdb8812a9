/**
 * The progress store: the only module that reads or writes the learner's progress file.
 * Writes are atomic (temp file, fsync, rename, fsync of the folder) and serialized by a lock file,
 * so a crash never leaves half a file and two tutors never lose each other's updates.
 */
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { TutorError } from "../errors.js";
import { writeAtomically } from "./atomic-file.js";
import { lock } from "./lock.js";

export const progressVersion = 1;

/** A lesson as progress knows it: by pack and id. */
export interface LessonKey {
  packId: string;
  id: string;
}

/** One step's record: when it began and was done or skipped, and how many hints it took. */
export interface StepProgress {
  /** When the step first opened, by the engine's clock: what its `happened:` checks look back to. */
  began?: string;
  done?: string;
  skipped?: boolean;
  hints?: number;
}

export interface LessonProgress {
  started: string;
  updated: string;
  /** The step to resume at. */
  current?: string;
  completed?: string;
  steps: Record<string, StepProgress>;
}

export interface Progress {
  version: typeof progressVersion;
  /** Made once, at the first save: this learner's order of quiz choices (see pack/quiz.ts). */
  seed?: string;
  packs: Record<string, { lessons: Record<string, LessonProgress> }>;
}

/** A record with no prototype: ids such as `constructor` or `__proto__` are plain keys in it. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function optional(v: unknown, type: "string" | "boolean" | "number"): boolean {
  return v === undefined || typeof v === type;
}

function validStep(step: unknown): step is StepProgress {
  return (
    isObject(step) &&
    optional(step.began, "string") &&
    optional(step.done, "string") &&
    optional(step.skipped, "boolean") &&
    optional(step.hints, "number")
  );
}

function salvageLesson(value: unknown): LessonProgress | undefined {
  if (!isObject(value) || typeof value.started !== "string" || typeof value.updated !== "string")
    return undefined;
  if (!optional(value.current, "string") || !optional(value.completed, "string")) return undefined;
  if (!isObject(value.steps)) return undefined;
  const steps = record<StepProgress>();
  for (const [id, step] of Object.entries(value.steps)) if (validStep(step)) steps[id] = step;
  const lesson: LessonProgress = { started: value.started, updated: value.updated, steps };
  if (value.current !== undefined) lesson.current = value.current as string;
  if (value.completed !== undefined) lesson.completed = value.completed as string;
  return lesson;
}

/**
 * Checks a parsed progress file by hand rather than with zod (`list` reads it on every start, and
 * loading zod alone costs more than the start-up budget), keeping every lesson that is sound: one
 * badly typed field costs that lesson's entry, never the whole file. `dropped` names what was lost.
 */
export function parseProgress(json: unknown): { progress: Progress; dropped: string[] } | undefined {
  if (!isObject(json) || json.version !== progressVersion || !isObject(json.packs)) return undefined;
  const progress: Progress = { version: progressVersion, packs: record() };
  if (typeof json.seed === "string") progress.seed = json.seed;
  const dropped: string[] = [];
  for (const [packId, pack] of Object.entries(json.packs)) {
    if (!isObject(pack) || !isObject(pack.lessons)) {
      dropped.push(packId);
      continue;
    }
    const lessons = record<LessonProgress>();
    for (const [lessonId, value] of Object.entries(pack.lessons)) {
      const lesson = salvageLesson(value);
      if (lesson) lessons[lessonId] = lesson;
      else dropped.push(`${packId}/${lessonId}`);
    }
    progress.packs[packId] = { lessons };
  }
  return { progress, dropped };
}

export function emptyProgress(): Progress {
  return { version: progressVersion, packs: record() };
}

/** The progress file cannot be written: it belongs to a newer docker-tutor, or the disk refuses. */
export class ProgressNotWritable extends TutorError {
  constructor(message: string, fix: string) {
    super(message, fix, 2);
    this.name = "ProgressNotWritable";
  }
}

export interface ProgressRead {
  progress: Progress;
  /** Set when the file could not be used (whole or in part); reading never changes the file. */
  warning: string | undefined;
  /** What a write must do first: keep the unusable file aside, or refuse (a newer format). */
  state: "ok" | "unusable" | "newer";
}

export async function readProgress(home: string): Promise<ProgressRead> {
  const file = path.join(home, "progress.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { progress: emptyProgress(), warning: undefined, state: "ok" };
    return { progress: emptyProgress(), warning: `cannot read ${file}: ${code}`, state: "unusable" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unusable(file, "it is not valid JSON");
  }
  const version = (json as { version?: unknown })?.version;
  if (typeof version === "number" && version > progressVersion) {
    return {
      progress: emptyProgress(),
      warning: `progress file ${file} was written by a newer docker-tutor (format ${version}): it is left as it is, and progress is not saved until you update docker-tutor`,
      state: "newer",
    };
  }
  const parsed = parseProgress(json);
  if (!parsed) return unusable(file, "its content is not progress");
  const warning =
    parsed.dropped.length > 0
      ? `progress of ${parsed.dropped.join(", ")} could not be read and starts afresh; the rest is kept`
      : undefined;
  return { progress: parsed.progress, warning, state: parsed.dropped.length > 0 ? "unusable" : "ok" };
}

function unusable(file: string, why: string): ProgressRead {
  return {
    progress: emptyProgress(),
    warning: `progress file ${file} cannot be used because ${why}: starting afresh; the file is kept aside at the next save`,
    state: "unusable",
  };
}

/** Keeps an unusable file under another name before it is replaced, so nothing the learner had is lost. */
async function keepAside(file: string): Promise<void> {
  const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  await copyFile(file, aside).catch(() => undefined);
}

/**
 * Reads, changes and writes progress under the lock. `change` works on a fresh read, so updates made by
 * another tutor in between are kept.
 */
export async function updateProgress(home: string, change: (progress: Progress) => void): Promise<Progress> {
  const file = path.join(home, "progress.json");
  try {
    await mkdir(home, { recursive: true });
    const release = await lock(path.join(home, "progress.lock"));
    try {
      const { progress, state, warning } = await readProgress(home);
      if (state === "newer")
        throw new ProgressNotWritable(warning ?? "", "update docker-tutor (npx docker-tutor@latest)");
      if (state === "unusable") await keepAside(file);
      progress.seed ??= randomBytes(8).toString("hex");
      change(progress);
      writeAtomically(file, `${JSON.stringify(progress, null, 2)}\n`);
      return progress;
    } finally {
      await release();
    }
  } catch (error) {
    if (error instanceof TutorError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ProgressNotWritable(
      `cannot save progress in ${home} (${code})`,
      code === "ENOSPC" ? "free some disk space" : `make ${home} a writable folder, or set DOCKER_TUTOR_HOME`,
    );
  }
}

/** Changes one lesson's entry (created on first use), stamping it as updated now. */
export function updateLessonProgress(
  home: string,
  lesson: LessonKey,
  change: (entry: LessonProgress) => void,
): Promise<Progress> {
  return updateProgress(home, (progress) => {
    const now = new Date().toISOString();
    const pack = ownEntry(progress.packs, lesson.packId) ?? { lessons: record<LessonProgress>() };
    progress.packs[lesson.packId] = pack;
    const entry = ownEntry(pack.lessons, lesson.id) ?? { started: now, updated: now, steps: record() };
    pack.lessons[lesson.id] = entry;
    entry.updated = now;
    change(entry);
  });
}

/**
 * The verbs the rest of the tutor uses: each says what happened, the store decides how it is kept.
 * Only this folder changes progress.
 */
export const recordProgress = {
  /** The learner is at `stepId` (opening a lesson, moving on or back). */
  setStep: (home: string, lesson: LessonKey, stepId: string) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.current = stepId;
    }),
  /** The step opened at `at` (engine time); a start recorded earlier is kept. */
  beginStep: async (home: string, lesson: LessonKey, stepId: string, at: string): Promise<string> => {
    let kept = at;
    await updateLessonProgress(home, lesson, (entry) => {
      const step = ownEntry(entry.steps, stepId) ?? {};
      step.began ??= at;
      kept = step.began;
      entry.steps[stepId] = step;
    });
    return kept;
  },
  /** The learner has seen `shown` hints of the step; the count never goes down. */
  recordHint: (home: string, lesson: LessonKey, stepId: string, shown: number) =>
    updateLessonProgress(home, lesson, (entry) => {
      const step = ownEntry(entry.steps, stepId) ?? {};
      step.hints = Math.max(step.hints ?? 0, shown);
      entry.steps[stepId] = step;
    }),
  skip: (home: string, lesson: LessonKey, stepId: string) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.steps[stepId] = { ...ownEntry(entry.steps, stepId), skipped: true };
    }),
  /** The step's checks passed. */
  stepDone: (home: string, lesson: LessonKey, stepId: string) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.steps[stepId] = { ...ownEntry(entry.steps, stepId), done: new Date().toISOString() };
    }),
  /** The learner went past the last step. */
  complete: (home: string, lesson: LessonKey) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.completed = new Date().toISOString();
    }),
  /** Forgets the lessons entirely (reset). */
  clear: (home: string, lessons: LessonKey[]) =>
    updateProgress(home, (progress) => {
      for (const lesson of lessons) {
        const pack = ownEntry(progress.packs, lesson.packId);
        if (pack && Object.hasOwn(pack.lessons, lesson.id)) delete pack.lessons[lesson.id];
      }
    }),
};

/** An entry of a record by id, only when the record itself has it (never something inherited). */
export function ownEntry<T>(records: Record<string, T> | undefined, id: string): T | undefined {
  return records !== undefined && Object.hasOwn(records, id) ? records[id] : undefined;
}
