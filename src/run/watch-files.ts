/**
 * Saves in a folder, as authors make them, for `preview --watch` and `verify --watch`. An editor's save is
 * a burst (truncate then write; a temporary file renamed over the old one; a backup copy): it makes one
 * change, reported with the files it touched, once the folder has been quiet for `debounceMs`.
 *
 * Every folder of the tree is watched on its own, and the files in it through it, never a file itself:
 * a save that renames a new file over the old one replaces the file, and a watch on the old one would go
 * deaf (Node 20's own recursive watch on Linux does exactly that after the first such save). Folders made
 * later are watched as they appear.
 */
import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import path from "node:path";
import { isInside } from "../world/paths.js";

export interface FolderWatch {
  close(): void;
}

export interface FolderWatchOptions {
  /** Quiet time that ends a burst of writes. */
  debounceMs?: number;
  /** A burst that never goes quiet (a file being copied) is still reported after this long. */
  maxWaitMs?: number;
  /** Absolute paths whose changes never count (a working folder inside the pack). */
  ignore?: (file: string) => boolean;
  /** The watch broke after it started (the folder was removed): one line saying so; nothing more is reported. */
  onError?: (message: string) => void;
}

/**
 * The files of one burst, absolute and sorted; empty when the system did not say which (then anything
 * may have changed).
 */
export type ChangeListener = (files: string[]) => void;

export type FolderWatchStart = { ok: true; watch: FolderWatch } | { ok: false; message: string };

/** Editors' own files, never the author's work: vim's swap files and its `4913` probe, backups, locks. */
const editorScratch = /(?:^|\/)(?:\.#[^/]*|#[^/]*#|4913|[^/]*~|\.[^/]*\.sw[a-px]|[^/]*___jb_(?:tmp|old)___)$/;
/** Folders no pack file lives in, and that can be huge. */
const unwatchedFolders = /(?:^|\/)(?:\.git|node_modules)(?:\/|$)/;
/** A pack with more folders than this is watched in its first ones only (inotify watches are a shared budget). */
const maxFolders = 1000;

/** Whether a path (relative to the watched folder) is an editor's or git's, not part of the pack. */
export function isScratchFile(relative: string): boolean {
  const slashed = relative.split(path.sep).join("/");
  return editorScratch.test(slashed) || unwatchedFolders.test(slashed);
}

export function watchFolder(
  dir: string,
  onChange: ChangeListener,
  options: FolderWatchOptions = {},
): FolderWatchStart {
  const debounceMs = options.debounceMs ?? 30;
  const maxWaitMs = options.maxWaitMs ?? 250;
  const folders = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let unknown = false;
  let quiet: NodeJS.Timeout | undefined;
  let longest: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(longest);
    quiet = undefined;
    longest = undefined;
    if (closed) return;
    const files = unknown ? [] : [...pending].sort();
    pending = new Set();
    unknown = false;
    onChange(files);
  };
  const counts = (file: string) => !isScratchFile(path.relative(dir, file)) && !options.ignore?.(file);
  const noted = (file: string | undefined) => {
    if (closed) return;
    if (file === undefined) unknown = true;
    else if (counts(file)) pending.add(file);
    else return;
    clearTimeout(quiet);
    quiet = setTimeout(flush, debounceMs);
    longest ??= setTimeout(flush, maxWaitMs);
  };

  /** Watches `folder` and the folders below it; throws only for `dir` itself. */
  const watchTree = (folder: string): void => {
    if (folders.has(folder) || folders.size >= maxFolders) return;
    if (folder !== dir && !counts(folder)) return;
    const watcher = watch(folder, (event, name) => {
      // The folder itself went (removed or renamed): a rename event names it, and nothing more comes.
      if (folder === dir && event === "rename" && !statSync(dir, { throwIfNoEntry: false })?.isDirectory())
        return broken({ code: "ENOENT" } as NodeJS.ErrnoException);
      if (name === null) return noted(undefined);
      const file = path.join(folder, name.toString());
      noted(file);
      // A folder that appeared (made, or renamed into place) is watched too; one that went is let go.
      const isFolder = statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
      if (isFolder) tryWatchTree(file);
      else forget(file);
    });
    watcher.on("error", (error: NodeJS.ErrnoException) => {
      if (folder === dir) broken(error);
      else forget(folder);
    });
    folders.set(folder, watcher);
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory()) tryWatchTree(path.join(folder, entry.name));
  };
  const tryWatchTree = (folder: string) => {
    try {
      watchTree(folder);
    } catch {
      // A folder gone or unreadable by the time it is reached: its saves cannot be seen, the rest can.
    }
  };
  const broken = (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    clearTimeout(quiet);
    clearTimeout(longest);
    forget(dir);
    options.onError?.(cannotWatch(dir, error));
  };
  const forget = (folder: string) => {
    for (const [watched, watcher] of folders)
      if (isInside(folder, watched)) {
        watcher.close();
        folders.delete(watched);
      }
  };

  try {
    watchTree(dir);
  } catch (error) {
    forget(dir);
    return { ok: false, message: cannotWatch(dir, error as NodeJS.ErrnoException) };
  }
  return {
    ok: true,
    watch: {
      close() {
        closed = true;
        clearTimeout(quiet);
        clearTimeout(longest);
        forget(dir);
      },
    },
  };
}

function cannotWatch(dir: string, error: NodeJS.ErrnoException): string {
  if (error.code === "ENOSPC")
    return `cannot watch ${dir}: the system's limit of watched files is reached (raise fs.inotify.max_user_watches)`;
  if (error.code === "ENOENT") return `cannot watch ${dir}: it no longer exists`;
  if (error.code === "ENOTDIR") return `cannot watch ${dir}: it is not a folder`;
  return `cannot watch ${dir} (${error.code ?? error.message})`;
}
