import { cp, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPackCached, loadPackSummaryCached, summarize } from "../../../src/pack/cache.js";
import { loadPack } from "../../../src/pack/load-pack.js";
import { repoRoot } from "../../support/paths.js";

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
  it("gives what a fresh load gives, and writes the pack and its summary", async () => {
    const fresh = await loadPack(pack);
    const first = await loadPackCached(pack, cache, "1.0.0");
    const second = await loadPackCached(pack, cache, "1.0.0");
    expect(JSON.parse(JSON.stringify(first))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(second).toEqual(JSON.parse(JSON.stringify(fresh)));
    const entries = (await readdir(cache)).filter((f) => f.endsWith(".json")).sort();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatch(/\.summary\.json$/);
    const summary = await loadPackSummaryCached(pack, cache, "1.0.0");
    expect(summary).toEqual(summarize(fresh));
    expect(summary.pack?.lessons[0]).toMatchObject({ id: "what-is-docker", title: { en: "What Docker is" } });
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
    const entry = (await readdir(cache)).find((f) => !f.includes("summary"));
    await writeFile(
      path.join(cache, entry ?? ""),
      JSON.stringify({ stamp: "bogus", loaded: { pack: undefined, problems: [] } }),
    );
    const reloaded = await loadPackCached(pack, cache, "1.0.0");
    expect(reloaded.pack?.id).toBe("docker-basics");
  });
});
