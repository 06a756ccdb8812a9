/**
 * A cache of loaded packs, so `list` and the menu start as fast as `node` itself: parsing markdown
 * and validating with zod and yaml costs more than the whole start-up budget. An entry is valid
 * while every file of the pack keeps its size and modification time; on a miss the loader (and
 * zod/yaml with it) is imported, the pack parsed, and the entry rewritten. `lint` never uses it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadedPack } from "./load-pack.js";
import type { Step } from "./model.js";

/** Bumped whenever the loaded model changes shape, so old entries are ignored. */
const cacheFormat = 4;
/** A pack this large is not cached: fingerprinting it would cost more than it saves. */
const maxFiles = 2000;

/** A short stable name for a folder path (64-bit FNV-1a): node:crypto alone costs more than the cache saves. */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** Size and mtime of every file below the pack folder, in a stable order; undefined when too large. */
function fingerprint(dir: string): string | undefined {
  const rows: string[] = [];
  const walk = (folder: string): boolean => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!walk(full)) return false;
        continue;
      }
      if (rows.length >= maxFiles) return false;
      try {
        const info = statSync(full);
        rows.push(
          `${path.relative(dir, full)}\t${info.size}\t${info.mtimeMs}\t${info.isDirectory() ? "d" : "f"}`,
        );
      } catch {
        rows.push(`${path.relative(dir, full)}\tmissing`);
      }
    }
    return true;
  };
  if (!walk(dir)) return undefined;
  return rows.sort().join("\n");
}

/** What `list` needs of a pack: far smaller than the pack, so reading it stays cheap. */
export interface PackSummary {
  id: string;
  title: Record<string, string>;
  lessons: {
    id: string;
    packId: string;
    primaryLanguage: string;
    languages: string[];
    title: Record<string, string>;
    requires: string[];
    steps: { id: string; kind: Step["kind"] }[];
  }[];
}

export interface LoadedSummary {
  pack: PackSummary | undefined;
  errors: number;
}

export function summarize(loaded: LoadedPack): LoadedSummary {
  const pack = loaded.pack;
  return {
    errors: loaded.problems.filter((p) => p.severity === "error").length,
    pack: pack && {
      id: pack.id,
      title: pack.manifest.title,
      lessons: pack.lessons.map((lesson) => ({
        id: lesson.id,
        packId: lesson.packId,
        primaryLanguage: lesson.primaryLanguage,
        languages: lesson.languages,
        title: Object.fromEntries(Object.entries(lesson.text).map(([lang, text]) => [lang, text.title])),
        requires: lesson.meta.requires,
        steps: lesson.steps.map((step) => ({ id: step.id, kind: step.kind })),
      })),
    },
  };
}

interface CacheEntry {
  file: string;
  stamp: string | undefined;
}

function entryFor(dir: string, cache: string, version: string, suffix: string): CacheEntry {
  const print = fingerprint(dir);
  // The fingerprint itself is stored: comparing it is exact, and a few kilobytes cost nothing.
  return {
    file: path.join(cache, `pack-${fnv1a(dir)}${suffix}.json`),
    stamp: print === undefined ? undefined : `${cacheFormat}:${version}:${print}`,
  };
}

function readEntry<T>(entry: CacheEntry): T | undefined {
  if (entry.stamp === undefined) return undefined;
  try {
    const stored = JSON.parse(readFileSync(entry.file, "utf8")) as { stamp: string; value: T };
    return stored.stamp === entry.stamp ? stored.value : undefined;
  } catch {
    return undefined; // no entry, or an unreadable one: parse afresh
  }
}

function writeEntry(entry: CacheEntry, value: unknown): void {
  if (entry.stamp === undefined) return;
  try {
    mkdirSync(path.dirname(entry.file), { recursive: true });
    const temp = `${entry.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ stamp: entry.stamp, value }));
    renameSync(temp, entry.file);
  } catch {
    // A read-only home only costs speed.
  }
}

export async function loadPackCached(dir: string, cache: string, version: string): Promise<LoadedPack> {
  const entry = entryFor(dir, cache, version, "");
  const cached = readEntry<LoadedPack>(entry);
  if (cached) return cached;
  const { loadPack } = await import("./load-pack.js");
  const loaded = await loadPack(dir);
  writeEntry(entry, loaded);
  writeEntry(entryFor(dir, cache, version, ".summary"), summarize(loaded));
  return loaded;
}

/** The pack's summary, for `list`: from its own small cache entry, or from a full load. */
export async function loadPackSummaryCached(
  dir: string,
  cache: string,
  version: string,
): Promise<LoadedSummary> {
  const cached = readEntry<LoadedSummary>(entryFor(dir, cache, version, ".summary"));
  return cached ?? summarize(await loadPackCached(dir, cache, version));
}
