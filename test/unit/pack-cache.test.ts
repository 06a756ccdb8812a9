import { cp, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPack } from "../../src/lessons/load-pack.js";
import { loadPackCached } from "../../src/lessons/pack-cache.js";
import { repoRoot } from "../support/paths.js";

let scratch: string;
let pack: string;
let cache: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-cache-"));
  pack = path.join(scratch, "pack");
  cache = path.join(scratch, "cache");
  await cp(path.join(repoRoot, "lessons"), pack, { recursive: true });
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

describe("the pack cache", () => {
  it("gives what a fresh load gives, and writes one entry", async () => {
    const fresh = await loadPack(pack);
    const first = await loadPackCached(pack, cache, "1.0.0");
    const second = await loadPackCached(pack, cache, "1.0.0");
    expect(JSON.parse(JSON.stringify(first))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(second).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect((await readdir(cache)).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });

  it("notices an edited lesson", async () => {
    await loadPackCached(pack, cache, "1.0.0");
    const file = path.join(pack, "what-is-docker.md");
    const { readFile } = await import("node:fs/promises");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("title: What Docker is", "title: What Docker really is"),
    );
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    const reloaded = await loadPackCached(pack, cache, "1.0.0");
    expect(reloaded.pack?.lessons[0]?.meta.title).toBe("What Docker really is");
  });

  it("ignores entries written by another version", async () => {
    await loadPackCached(pack, cache, "1.0.0");
    const [entry] = await readdir(cache);
    await writeFile(
      path.join(cache, entry ?? ""),
      JSON.stringify({ stamp: "bogus", loaded: { pack: undefined, problems: [] } }),
    );
    const reloaded = await loadPackCached(pack, cache, "1.0.0");
    expect(reloaded.pack?.id).toBe("docker-basics");
  });
});
