/**
 * A cache of loaded packs, so `list` and the menu start as fast as `node` itself: parsing markdown
 * and validating with zod and yaml costs more than the whole start-up budget. An entry is valid
 * while every file of the pack keeps its size and modification time; on a miss the loader (and
 * zod/yaml with it) is imported, the pack parsed, and the entry rewritten. `lint` never uses it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadedPack } from "./load-pack.js";

/** Bumped whenever the loaded model changes shape, so old entries are ignored. */
const cacheFormat = 1;
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

export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_TUTOR_HOME) return path.join(path.resolve(env.DOCKER_TUTOR_HOME), "cache");
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "docker-tutor");
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

export async function loadPackCached(dir: string, cache: string, version: string): Promise<LoadedPack> {
  const print = fingerprint(dir);
  const file = path.join(cache, `pack-${fnv1a(dir)}.json`);
  // The fingerprint itself is stored: comparing it is exact, and a few kilobytes cost nothing.
  const stamp = `${cacheFormat}:${version}:${print ?? ""}`;
  if (print !== undefined) {
    try {
      const entry = JSON.parse(readFileSync(file, "utf8")) as { stamp: string; loaded: LoadedPack };
      if (entry.stamp === stamp) return entry.loaded;
    } catch {
      // No entry, or an unreadable one: parse afresh.
    }
  }
  const { loadPack } = await import("./load-pack.js");
  const loaded = await loadPack(dir);
  if (print !== undefined) {
    try {
      mkdirSync(cache, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ stamp, loaded }));
      renameSync(temp, file);
    } catch {
      // A read-only home only costs speed.
    }
  }
  return loaded;
}
