/** Watching a pack folder for saves: real files in a temporary folder, saved the ways editors save them. */
import { appendFile, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FolderWatch, isScratchFile, watchFolder } from "../../../src/run/watch-files.js";

let dir: string;
let watching: FolderWatch | undefined;
let changes: string[][];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-watch-"));
  await mkdir(path.join(dir, "files"));
  await writeFile(path.join(dir, "lesson.md"), "# one\n");
  changes = [];
});
afterEach(async () => {
  watching?.close();
  watching = undefined;
  await rm(dir, { recursive: true, force: true });
});

function start(options: Parameters<typeof watchFolder>[2] = {}): void {
  const started = watchFolder(dir, (files) => changes.push(files), options);
  if (!started.ok) throw new Error(started.message);
  watching = started.watch;
}

/** Resolves once `count` changes were reported, or rejects after a second. */
async function changesReported(count: number): Promise<string[][]> {
  const deadline = Date.now() + 1000;
  while (changes.length < count) {
    if (Date.now() > deadline) throw new Error(`${changes.length} change(s) reported, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return changes;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watching a pack folder", () => {
  it("reports a burst of writes as one change, naming the file", async () => {
    start({ debounceMs: 30 });
    const file = path.join(dir, "lesson.md");
    await writeFile(file, "");
    await writeFile(file, "# two\n");
    await appendFile(file, "more\n");
    expect(await changesReported(1)).toEqual([[file]]);
    await pause(100);
    expect(changes).toHaveLength(1);
  });

  it("sees a save that renames a temporary file over the lesson, as editors do", async () => {
    start();
    const file = path.join(dir, "lesson.md");
    await writeFile(`${file}.tmp-1234`, "# saved by rename\n");
    await rename(`${file}.tmp-1234`, file);
    const [files] = await changesReported(1);
    expect(files).toContain(file);
  });

  it("sees every save by rename, not only the first (the file is a new one each time)", async () => {
    start({ debounceMs: 20 });
    const file = path.join(dir, "lesson.md");
    for (let save = 1; save <= 4; save++) {
      await writeFile(`${file}.tmp`, `# save ${save}\n`);
      await rename(`${file}.tmp`, file);
      const files = (await changesReported(save)).at(-1);
      expect(files, `save ${save}`).toContain(file);
    }
  });

  it("sees files in folders made after it started", async () => {
    start({ debounceMs: 20 });
    await mkdir(path.join(dir, "files", "app"));
    await changesReported(1);
    await writeFile(path.join(dir, "files", "app", "main.py"), "print(1)\n");
    expect((await changesReported(2)).at(-1)).toEqual([path.join(dir, "files", "app", "main.py")]);
  });

  it("sees files in sub-folders and reports separate saves separately", async () => {
    start({ debounceMs: 20 });
    await writeFile(path.join(dir, "files", "app.py"), "print(1)\n");
    await changesReported(1);
    await writeFile(path.join(dir, "lesson.md"), "# three\n");
    expect(await changesReported(2)).toEqual([
      [path.join(dir, "files", "app.py")],
      [path.join(dir, "lesson.md")],
    ]);
  });

  it("ignores editors' scratch files, and what the caller ignores", async () => {
    const work = path.join(dir, "work");
    await mkdir(work);
    start({ debounceMs: 20, ignore: (file) => file.startsWith(`${work}${path.sep}`) });
    await writeFile(path.join(dir, ".lesson.md.swp"), "x");
    await writeFile(path.join(dir, "4913"), "");
    await writeFile(path.join(dir, "lesson.md~"), "x");
    await writeFile(path.join(work, "notes.txt"), "x");
    await pause(150);
    expect(changes).toEqual([]);
    await writeFile(path.join(dir, "lesson.md"), "# four\n");
    expect(await changesReported(1)).toEqual([[path.join(dir, "lesson.md")]]);
  });

  it("reports a burst that never goes quiet after maxWaitMs", async () => {
    start({ debounceMs: 40, maxWaitMs: 100 });
    const file = path.join(dir, "lesson.md");
    const writing = (async () => {
      for (let i = 0; i < 12; i++) {
        await appendFile(file, `line ${i}\n`);
        await pause(15);
      }
    })();
    await changesReported(1);
    await writing;
  });

  it("reports nothing once closed", async () => {
    start({ debounceMs: 10 });
    watching?.close();
    await writeFile(path.join(dir, "lesson.md"), "# closed\n");
    await pause(80);
    expect(changes).toEqual([]);
  });

  it("says in one line why a folder cannot be watched", () => {
    const started = watchFolder(path.join(dir, "missing"), () => undefined);
    expect(started).toEqual({
      ok: false,
      message: `cannot watch ${path.join(dir, "missing")}: it no longer exists`,
    });
  });
});

describe("editors' scratch files", () => {
  it("are told apart from lesson files", () => {
    for (const scratch of [
      ".x.md.swp",
      "a/.x.md.swx",
      "4913",
      "x.md~",
      ".#x.md",
      "#x.md#",
      "x.md___jb_tmp___",
      ".git/index",
      "node_modules/x/package.json",
    ])
      expect(isScratchFile(scratch), scratch).toBe(true);
    for (const kept of ["x.md", "x.fr.md", "pack.yaml", "files/app.py", "files/.env", "files/4913.txt"])
      expect(isScratchFile(kept), kept).toBe(false);
  });
});
