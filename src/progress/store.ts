/**
 * The progress store: the only module that reads or writes the learner's progress file.
 * Writes are atomic (temp file, fsync, rename, fsync of the folder) and serialized by a lock file,
 * so a crash never leaves half a file and two tutors never lose each other's updates.
 */
import { mkdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { writeAtomically } from "./atomic-file.js";
import { lock } from "./lock.js";

export const progressVersion = 1;

/** A lesson as progress knows it: by pack and id. */
export interface LessonKey {
  packId: string;
  id: string;
}

/** One step's record: when it was done or skipped, and how many hints it took. */
export interface StepProgress {
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
  packs: Record<string, { lessons: Record<string, LessonProgress> }>;
}

/**
 * Checks a parsed progress file by hand rather than with zod: `list` reads it on every start, and
 * loading zod alone costs more than the start-up budget.
 */
export function parseProgress(json: unknown): Progress | undefined {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  const optional = (v: unknown, type: "string" | "boolean" | "number") =>
    v === undefined || typeof v === type;
  if (!isObject(json) || json.version !== progressVersion || !isObject(json.packs)) return undefined;
  for (const pack of Object.values(json.packs)) {
    if (!isObject(pack) || !isObject(pack.lessons)) return undefined;
    for (const lesson of Object.values(pack.lessons)) {
      if (!isObject(lesson) || typeof lesson.started !== "string" || typeof lesson.updated !== "string")
        return undefined;
      if (!optional(lesson.current, "string") || !optional(lesson.completed, "string")) return undefined;
      if (!isObject(lesson.steps)) return undefined;
      for (const step of Object.values(lesson.steps)) {
        if (!isObject(step) || !optional(step.done, "string") || !optional(step.skipped, "boolean"))
          return undefined;
        if (!optional(step.hints, "number")) return undefined;
      }
    }
  }
  return json as unknown as Progress;
}

export function emptyProgress(): Progress {
  return { version: progressVersion, packs: {} };
}

export interface ProgressRead {
  progress: Progress;
  /** Set when the file could not be used and was moved aside. */
  warning: string | undefined;
}

export async function readProgress(home: string): Promise<ProgressRead> {
  const file = path.join(home, "progress.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { progress: emptyProgress(), warning: undefined };
    return {
      progress: emptyProgress(),
      warning: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), warning: await moveAside(file, "it is not valid JSON") };
  }
  const version = (json as { version?: unknown })?.version;
  if (typeof version === "number" && version > progressVersion) {
    return {
      progress: emptyProgress(),
      warning: await moveAside(file, `it was written by a newer docker-tutor (format ${version})`),
    };
  }
  const progress = parseProgress(json);
  if (!progress)
    return { progress: emptyProgress(), warning: await moveAside(file, "its content is not progress") };
  return { progress, warning: undefined };
}

async function moveAside(file: string, why: string): Promise<string> {
  const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  try {
    await rename(file, aside);
    return `progress file set aside because ${why}: kept as ${aside}; starting afresh`;
  } catch {
    return `progress file ignored because ${why} (${file})`;
  }
}

/**
 * Reads, changes and writes progress under the lock. `change` works on a fresh read, so updates made by
 * another tutor in between are kept.
 */
export async function updateProgress(home: string, change: (progress: Progress) => void): Promise<Progress> {
  await mkdir(home, { recursive: true });
  const release = await lock(path.join(home, "progress.lock"));
  try {
    const { progress } = await readProgress(home);
    change(progress);
    writeAtomically(path.join(home, "progress.json"), `${JSON.stringify(progress, null, 2)}\n`);
    return progress;
  } finally {
    await release();
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
    const pack = progress.packs[lesson.packId] ?? { lessons: {} };
    progress.packs[lesson.packId] = pack;
    const entry = pack.lessons[lesson.id] ?? { started: now, updated: now, steps: {} };
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
  /** The learner has seen `shown` hints of the step; the count never goes down. */
  recordHint: (home: string, lesson: LessonKey, stepId: string, shown: number) =>
    updateLessonProgress(home, lesson, (entry) => {
      const record = entry.steps[stepId] ?? {};
      record.hints = Math.max(record.hints ?? 0, shown);
      entry.steps[stepId] = record;
    }),
  skip: (home: string, lesson: LessonKey, stepId: string) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.steps[stepId] = { ...entry.steps[stepId], skipped: true };
    }),
  /** The step's checks passed. */
  stepDone: (home: string, lesson: LessonKey, stepId: string) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.steps[stepId] = { ...entry.steps[stepId], done: new Date().toISOString() };
    }),
  /** The learner went past the last step. */
  complete: (home: string, lesson: LessonKey) =>
    updateLessonProgress(home, lesson, (entry) => {
      entry.completed = new Date().toISOString();
    }),
  /** Forgets the lessons entirely (reset). */
  clear: (home: string, lessons: LessonKey[]) =>
    updateProgress(home, (progress) => {
      for (const lesson of lessons) delete progress.packs[lesson.packId]?.lessons[lesson.id];
    }),
};
