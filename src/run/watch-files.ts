/**
 * Saves in a folder, as authors make them, for `preview --watch` and `verify --watch`. An editor's save is
 * a burst (truncate then write; a temporary file renamed over the old one; a backup copy): it makes one
 * change, reported with the files it touched, once the folder has been quiet for `debounceMs`. The folder
 * is watched, not each file, so a save that replaces the file by a rename is seen like any other.
 */
import { type FSWatcher, watch } from "node:fs";
import path from "node:path";

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
  /** The watch broke after it started (the folder was removed): one line saying so. */
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
const insideGit = /(?:^|\/)\.git(?:\/|$)/;

/** Whether a path (relative to the watched folder) is an editor's or git's, not part of the pack. */
export function isScratchFile(relative: string): boolean {
  const slashed = relative.split(path.sep).join("/");
  return editorScratch.test(slashed) || insideGit.test(slashed);
}

export function watchFolder(
  dir: string,
  onChange: ChangeListener,
  options: FolderWatchOptions = {},
): FolderWatchStart {
  const debounceMs = options.debounceMs ?? 40;
  const maxWaitMs = options.maxWaitMs ?? 250;
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
  const noted = (_event: string, name: string | Buffer | null) => {
    if (closed) return;
    if (name === null) unknown = true;
    else {
      const relative = name.toString();
      const file = path.join(dir, relative);
      if (isScratchFile(relative) || options.ignore?.(file)) return;
      pending.add(file);
    }
    clearTimeout(quiet);
    quiet = setTimeout(flush, debounceMs);
    longest ??= setTimeout(flush, maxWaitMs);
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, noted);
  } catch (error) {
    return { ok: false, message: cannotWatch(dir, error as NodeJS.ErrnoException) };
  }
  watcher.on("error", (error: NodeJS.ErrnoException) => {
    if (!closed) options.onError?.(cannotWatch(dir, error));
  });
  return {
    ok: true,
    watch: {
      close() {
        closed = true;
        clearTimeout(quiet);
        clearTimeout(longest);
        watcher.close();
      },
    },
  };
}

function cannotWatch(dir: string, error: NodeJS.ErrnoException): string {
  if (error.code === "ENOSPC")
    return `cannot watch ${dir}: the system's limit of watched files is reached (raise fs.inotify.max_user_watches)`;
  if (error.code === "ENOENT") return `cannot watch ${dir}: it no longer exists`;
  return `cannot watch ${dir} (${error.code ?? error.message})`;
}
