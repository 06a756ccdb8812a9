/**
 * Reading files out of a pack written by a stranger: paths stay inside the pack, symlinks are
 * not followed out of it, and size, binary content and bad UTF-8 become problems, not crashes.
 */
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../world/paths.js";
import { LineIndex, type SourcePosition } from "./problem.js";

/** A lesson or pack file is text of a few kilobytes; anything this large is a mistake. */
export const maxPackFileBytes = 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; at: SourcePosition; message: string };

/**
 * Resolves a path written in a pack file, relative to `base`, refusing anything that leaves `packDir`,
 * lexically or through a symlink. Returns the absolute path or a message saying why not.
 */
export async function resolveInPack(
  packDir: string,
  base: string,
  written: string,
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  if (path.isAbsolute(written))
    return { ok: false, message: `"${written}" is absolute: use a path inside the pack` };
  const resolved = path.resolve(base, written);
  if (!isInside(packDir, resolved)) return { ok: false, message: `"${written}" points outside the pack` };
  try {
    const [realPack, real] = await Promise.all([realpath(packDir), realpath(resolved)]);
    if (!isInside(realPack, real)) {
      return { ok: false, message: `"${written}" is a symlink that leads outside the pack` };
    }
  } catch {
    return { ok: false, message: `"${written}" does not exist` };
  }
  return { ok: true, path: resolved };
}

/** Reads a pack text file, as UTF-8, within the size limit. */
export async function readPackText(file: string): Promise<ReadResult> {
  const start = { line: 1, column: 1 };
  try {
    const info = await lstat(file);
    const target = info.isSymbolicLink() ? await stat(file) : info;
    if (!target.isFile()) return { ok: false, at: start, message: "not a regular file" };
    if (target.size > maxPackFileBytes) {
      const mb = (target.size / 1024 / 1024).toFixed(1);
      return { ok: false, at: start, message: `file is too large (${mb} MB; a pack file is at most 1 MB)` };
    }
    const bytes = await readFile(file);
    return decodeText(bytes);
  } catch (error) {
    return {
      ok: false,
      at: start,
      message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`,
    };
  }
}

/** Text from bytes, or where and why they are not text. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = new TextDecoder().decode(bytes.subarray(0, nul));
    const at = new LineIndex(before).at(before.length);
    return { ok: false, at, message: "the file holds binary data (a NUL byte): a lesson file is UTF-8 text" };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const before = new TextDecoder().decode(bytes.subarray(0, firstInvalidUtf8(bytes)));
    const at = new LineIndex(before).at(before.length);
    return { ok: false, at, message: "the file is not valid UTF-8: save it as UTF-8" };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Bisect on prefixes: a streaming decode accepts a prefix that merely ends inside a character,
  // so the shortest prefix that throws ends at the first bad byte.
  let lo = 1;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo - 1;
}

/**
 * The first link below `dir` that leads back to a folder it sits in (a loop that would copy for ever),
 * or undefined. Links are followed only as far as needed to see where they lead.
 */
export async function findLinkLoop(dir: string): Promise<string | undefined> {
  const walk = async (folder: string, ancestors: Set<string>): Promise<string | undefined> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
      const real = await realpath(full).catch(() => undefined);
      if (!real) continue;
      if (ancestors.has(real)) return full;
      if (
        !(await stat(real).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        continue;
      const found = await walk(full, new Set([...ancestors, real]));
      if (found) return found;
    }
    return undefined;
  };
  const root = await realpath(dir).catch(() => dir);
  return walk(dir, new Set([root]));
}
