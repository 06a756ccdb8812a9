/**
 * verify --watch's core on a real pack folder, with a stand-in for verify's run loop: which lessons a
 * save asks for, which runs it makes stale, and how watching ends.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Lesson, Pack } from "../../../../src/pack/model.js";
import { readGivenPacks } from "../../../../src/run/select.js";
import type { LessonReport } from "../../../../src/run/verify/verify.js";
import { lessonsOfSave, type VerifyWatchEvent, watchVerify } from "../../../../src/run/verify/watch.js";

let root: string;
let pack: string;

const lessonText = (id: string) => `---
id: ${id}
title: Lesson ${id}
summary: A lesson.
level: beginner
minutes: 1
images: [busybox:latest]
resources:
  containers: [tutor-${id}]
${id === "a" ? "files: files\n" : ""}---

Intro.

## Make it {#make}

Make \`tutor-${id}\`.

\`\`\`check
- container: tutor-${id}
\`\`\`

\`\`\`hint
\`docker run --name tutor-${id} busybox:latest true\`
\`\`\`

\`\`\`solution
docker run --name tutor-${id} busybox:latest true
\`\`\`
`;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-verify-watch-unit-"));
  pack = path.join(root, "pack");
  await mkdir(path.join(pack, "files"), { recursive: true });
  await writeFile(
    path.join(pack, "pack.yaml"),
    "id: tutor-w\ntitle: {en: W, fr: W}\nversion: 1.0.0\nlessons: [a.md, b.md]\n",
  );
  for (const id of ["a", "b"]) {
    await writeFile(path.join(pack, `${id}.md`), lessonText(id));
    await writeFile(
      path.join(pack, `${id}.fr.md`),
      `---\nid: ${id}\ntitle: Leçon ${id}\nsummary: Une leçon.\n---\n\n## Faites-le {#make}\n\nFaites-le.\n\n\`\`\`hint\nIndice.\n\`\`\`\n`,
    );
  }
  await writeFile(path.join(pack, "files", "app.py"), "print(1)\n");
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("which lessons a save asks for", () => {
  it("names the lesson of a primary file, a translation or a shipped file, and says when it is something else", async () => {
    const { packs } = await readGivenPacks([pack]);
    const at = (...files: string[]) => {
      const { ids, others } = lessonsOfSave(
        packs,
        files.map((f) => path.join(pack, f)),
      );
      return { ids: [...ids].sort(), others };
    };
    expect(at("a.md")).toEqual({ ids: ["a"], others: false });
    expect(at("b.fr.md", "files/app.py")).toEqual({ ids: ["a", "b"], others: false });
    expect(at("pack.yaml")).toEqual({ ids: [], others: true });
    expect(lessonsOfSave(packs, [])).toEqual({ ids: new Set(), others: true });
  });
});

/** A verify that takes until `release(id)` (or its run is cancelled) for each lesson, recording it all. */
function standIn() {
  const log: string[] = [];
  const releases = new Map<string, () => void>();
  const verify = async (selected: { pack: Pack; lesson: Lesson }[], run: { signal: AbortSignal }) => {
    const reports: LessonReport[] = [];
    for (const { lesson } of selected) {
      if (run.signal.aborted) break;
      log.push(`start ${lesson.id}`);
      await new Promise<void>((resolve) => {
        releases.set(lesson.id, resolve);
        run.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      log.push(run.signal.aborted ? `cancelled ${lesson.id}, cleaned up` : `done ${lesson.id}`);
      reports.push({
        id: lesson.id,
        pack: "tutor-w",
        steps: [],
        leftovers: [],
        ms: 1,
        complete: true,
        refused: undefined,
        ok: true,
      });
    }
    return reports;
  };
  const release = (id: string) => releases.get(id)?.();
  return { log, verify, release };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`never: ${what}`);
}

function start(wanted: string[] = []) {
  const events: VerifyWatchEvent[] = [];
  const fake = standIn();
  const controller = new AbortController();
  const watching = watchVerify({
    dirs: [pack],
    wanted,
    load: (dirs) => readGivenPacks(dirs),
    refusal: async () => undefined,
    verify: fake.verify,
    emit: (event) => events.push(event),
    ignored: [],
    signal: controller.signal,
  });
  const said = (type: VerifyWatchEvent["type"]) => events.filter((e) => e.type === type);
  return { events, said, ...fake, stop: () => controller.abort(), watching };
}

describe("verify --watch's loop", () => {
  it("verifies the asked lessons first, then the one saved; a save of another lesson waits its turn", async () => {
    const w = start(["a"]);
    await until(() => w.log.includes("start a"), "a starts");
    await appendFile(path.join(pack, "b.md"), "\nsaved\n");
    await appendFile(path.join(pack, "b.fr.md"), "\nsaved\n");
    // Both saves are seen; a's run, which they do not touch, goes on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.said("cancelling")).toEqual([]);
    w.release("a");
    await until(() => w.log.includes("start b"), "b starts");
    w.release("b");
    await until(() => w.said("idle").length === 1, "idle");
    expect(w.log).toEqual(["start a", "done a", "start b", "done b"]);
    expect(w.said("run-start")).toEqual([
      { type: "run-start", lessons: ["a"], changed: undefined },
      { type: "run-start", lessons: ["b"], changed: [path.join(pack, "b.fr.md"), path.join(pack, "b.md")] },
    ]);
    w.stop();
    expect(await w.watching).toEqual({ ok: true });
  });

  it("cancels a run whose lessons a save touches, even before their turn", async () => {
    const w = start();
    await until(() => w.log.includes("start a"), "a starts");
    await appendFile(path.join(pack, "b.md"), "\nsaved\n");
    await until(() => w.log.includes("cancelled a, cleaned up"), "the run of a and b cancelled");
    expect(w.said("cancelling")).toEqual([
      { type: "cancelling", lessons: ["a", "b"], changed: [path.join(pack, "b.md")] },
    ]);
    await until(() => w.log.at(-1) === "start b", "b anew");
    w.stop();
    expect(await w.watching).toEqual({ ok: true });
    expect(w.log).toEqual(["start a", "cancelled a, cleaned up", "start b", "cancelled b, cleaned up"]);
  });

  it("cancels the run a save makes stale and runs it anew; pack.yaml asks for the --lesson ones", async () => {
    const w = start(["a"]);
    await until(() => w.log.includes("start a"), "a starts");
    await appendFile(path.join(pack, "pack.yaml"), "# saved\n");
    await until(() => w.log.includes("cancelled a, cleaned up"), "a cancelled");
    expect(w.said("cancelling")).toEqual([
      { type: "cancelling", lessons: ["a"], changed: [path.join(pack, "pack.yaml")] },
    ]);
    await until(() => w.log.filter((l) => l === "start a").length === 2, "a again");
    expect(w.said("run-start").at(-1)).toEqual({
      type: "run-start",
      lessons: ["a"],
      changed: [path.join(pack, "pack.yaml")],
    });
    // Ctrl+C: the run under way is cancelled and has cleaned up when watching ends.
    w.stop();
    expect(await w.watching).toEqual({ ok: true });
    expect(w.log.at(-1)).toBe("cancelled a, cleaned up");
    expect(w.said("run-end").map((e) => (e as { cancelled: boolean }).cancelled)).toEqual([true, true]);
  });

  it("says why a lesson cannot run while its pack.yaml does not load, and ends when the folder goes", async () => {
    const w = start(["b"]);
    await until(() => w.log.includes("start b"), "b starts");
    w.release("b");
    await until(() => w.said("idle").length === 1, "idle");
    await writeFile(path.join(pack, "pack.yaml"), "id: tutor-w\ntitle: {en: W\n");
    await until(() => w.said("problems").length === 1, "the problem is said");
    const [shown] = w.said("problems") as Extract<VerifyWatchEvent, { type: "problems" }>[];
    expect(shown?.problems[0]?.file).toBe(path.join(pack, "pack.yaml"));
    await rm(pack, { recursive: true, force: true });
    expect(await w.watching).toEqual({ ok: false, message: `cannot watch ${pack}: it no longer exists` });
  });
});
