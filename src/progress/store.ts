/**
 * The progress store: the only module that reads or writes the learner's progress file.
 * Writes are atomic (temp file, fsync, rename, fsync of the folder) and serialized by a lock file,
 * so a crash never leaves half a file and two tutors never lose each other's updates.
 */
import { closeSync, constants, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { mkdir, readFile, rename, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Lesson } from "../lessons/model.js";

export const progressVersion = 1;

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

/** DOCKER_TUTOR_HOME, else the XDG config folder. */
export function tutorHome(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_TUTOR_HOME) return path.resolve(env.DOCKER_TUTOR_HOME);
  const config = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(config, "docker-tutor");
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

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // rename is atomic on POSIX; the folder's fsync makes the new name itself survive a power cut.
  renameSync(temp, file);
  try {
    const dir = openSync(path.dirname(file), constants.O_RDONLY);
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some platforms (Windows) cannot open a folder; the rename is still atomic there.
  }
}

const lockStaleMs = 10_000;

/** An exclusive lock file holding the owner's pid; a lock left by a dead process is taken over. */
async function lock(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + 15_000;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const stale = await staleContent(file);
      if (stale !== undefined && (await takeOver(file, stale))) continue;
      if (Date.now() > deadline) throw new Error(`progress is locked by another docker-tutor (${file})`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 2)));
    }
  }
}

/**
 * Removes a stale lock, one process at a time: without the takeover file, two processes that both saw
 * the same stale lock could each remove it, the second removing the fresh lock the first had just taken.
 */
async function takeOver(file: string, stale: string): Promise<boolean> {
  const guard = `${file}.takeover`;
  try {
    closeSync(openSync(guard, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
  } catch {
    // Another process is taking over; a guard left by a crash expires.
    const age = await stat(guard).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    if (age > lockStaleMs) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    const now = await readFile(file, "utf8").catch(() => undefined);
    if (now === stale) await unlink(file).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** The lock's content when its owner is gone (dead pid, or an unreadable lock older than lockStaleMs). */
async function staleContent(file: string): Promise<string | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, "utf8"), stat(file)]);
    const pid = Number.parseInt(text, 10);
    const known = Number.isInteger(pid) && pid > 0;
    if (known && !isAlive(pid)) return text;
    if (!known && Date.now() - info.mtimeMs > lockStaleMs) return text;
    return undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Changes one lesson's entry (created on first use), stamping it as updated now. */
export function updateLessonProgress(
  home: string,
  lesson: Pick<Lesson, "packId" | "id">,
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

export type LessonStatus = "new" | "in-progress" | "done";

/** Where the learner stands in a lesson: status, and the index of the step to resume at. */
export function lessonStatus(
  progress: Progress,
  lesson: { packId: string; id: string; steps: { id: string }[] },
): { status: LessonStatus; stepIndex: number } {
  const entry = progress.packs[lesson.packId]?.lessons[lesson.id];
  if (!entry) return { status: "new", stepIndex: 0 };
  if (entry.completed) return { status: "done", stepIndex: lesson.steps.length - 1 };
  const index = lesson.steps.findIndex((s) => s.id === entry.current);
  return { status: "in-progress", stepIndex: Math.max(0, index) };
}
