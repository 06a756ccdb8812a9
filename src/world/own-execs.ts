/**
 * The commands the tutor itself ran in containers (its `exec:` checks), by exec id, so that a `happened:`
 * check never counts them as the learner's. Kept in a file under the tutor's home, because the tutor's
 * watcher and a `check` in another terminal must agree: appended line by line (each append is one small
 * write, whole or not at all), and turned over to a second file when it grows, so it stays small.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readSync, renameSync, statSync } from "node:fs";
import path from "node:path";

export interface OwnExecs {
  /** Records an exec the tutor is about to start. */
  note(id: string): void;
  /** Every exec id recorded (this process's and, with a home, every other tutor's). */
  ids(): Set<string>;
}

const fileName = "own-execs.log";
/** About 4,000 ids; the previous file keeps as many again, far more than an engine keeps events. */
const turnOverBytes = 256 * 1024;

/** Exec ids kept in memory, and in `home` when one is given. */
export function ownExecs(home?: string): OwnExecs {
  const mine = new Set<string>();
  const file = home ? path.join(home, fileName) : undefined;
  return {
    note(id) {
      mine.add(id);
      if (!file || !/^[0-9a-zA-Z]{1,128}$/.test(id)) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        if (size(file) > turnOverBytes) renameSync(file, `${file}.1`);
        appendFileSync(file, `${id}\n`);
      } catch {
        // Kept in memory only: this process still knows its own execs.
      }
    },
    ids() {
      const all = new Set(mine);
      if (file) for (const name of [`${file}.1`, file]) for (const id of readIds(name)) all.add(id);
      return all;
    },
  };
}

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The ids in a file, reading at most twice what turning over allows: a file made huge elsewhere is cut. */
function readIds(file: string): string[] {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(turnOverBytes * 2);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, read)
      .toString("utf8")
      .split("\n")
      .filter((line) => line !== "");
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
