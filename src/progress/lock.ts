/** An exclusive lock file holding the owner's pid; a lock left by a dead process is taken over. */
import { closeSync, constants, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { readFile, stat, unlink } from "node:fs/promises";
import { TutorError } from "../errors.js";

const lockStaleMs = 10_000;
const lockWaitMs = 15_000;

/** Another docker-tutor held the lock for too long: the learner can act on it, so it is no bug (exit 2). */
export class ProgressLocked extends TutorError {
  constructor(file: string) {
    super(
      `progress is locked by another docker-tutor (${file})`,
      `close the other docker-tutor, or remove ${file} if none runs`,
      2,
    );
    this.name = "ProgressLocked";
  }
}

/** Takes the lock, waiting for another holder up to `waitMs`; returns the release function. */
export async function lock(file: string, waitMs = lockWaitMs): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      try {
        writeSync(fd, ownerStamp(process.pid));
      } catch (error) {
        // A full disk must not leave an empty lock that blocks every later write.
        closeSync(fd);
        unlinkSync(file);
        throw error;
      }
      closeSync(fd);
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const stale = await staleContent(file);
      if (stale !== undefined && (await takeOver(file, stale))) continue;
      if (Date.now() > deadline) throw new ProgressLocked(file);
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
    const [pidText = "", started] = text.trim().split(/\s+/);
    const pid = Number.parseInt(pidText, 10);
    const known = Number.isInteger(pid) && pid > 0;
    if (known && !isAlive(pid)) return text;
    // A live process with the same pid but another start time is a newcomer that reused the pid.
    if (known && started !== undefined && processStart(pid) !== undefined && processStart(pid) !== started)
      return text;
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

/** `pid starttime`: the start time (from /proc, where there is one) tells a reused pid from its first owner. */
function ownerStamp(pid: number): string {
  const started = processStart(pid);
  return started === undefined ? String(pid) : `${pid} ${started}`;
}

/** A process's start time in clock ticks since boot (field 22 of /proc/PID/stat); undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
