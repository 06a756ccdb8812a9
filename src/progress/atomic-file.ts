/** A file replaced whole or not at all: temp file, fsync, rename, fsync of the folder. */
import { closeSync, constants, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import path from "node:path";

export function writeAtomically(file: string, content: string): void {
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
