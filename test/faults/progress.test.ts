import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleProgram } from "../support/bundle.js";
import { recordFigure } from "../support/figures.js";

let writer: string;
let home: string;

beforeAll(async () => {
  writer = await bundleProgram("test/faults/programs/progress-writer.ts");
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-faults-progress-"));
});
afterAll(() => rm(home, { recursive: true, force: true }));

function startWriter(
  lesson: string,
  count = 0,
): { child: ChildProcess; acked: number[]; done: Promise<void> } {
  const child = spawn(process.execPath, [writer, home, lesson, String(count)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acked: number[] = [];
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) acked.push(Number(line));
  });
  const done = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return { child, acked, done };
}

function firstAck(run: { acked: number[] }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const poll = () => (run.acked.length > 0 || Date.now() > deadline ? resolve() : setTimeout(poll, 1));
    poll();
  });
}

async function savedSteps(): Promise<Set<string>> {
  const text = await readFile(path.join(home, "progress.json"), "utf8").catch(() => undefined);
  if (text === undefined) return new Set();
  const progress = JSON.parse(text) as {
    packs: Record<string, { lessons: Record<string, { steps: Record<string, unknown> }> }>;
  };
  return new Set(Object.values(progress.packs.faults?.lessons ?? {}).flatMap((l) => Object.keys(l.steps)));
}

describe("progress under crashes", () => {
  it("keeps every acknowledged update through 500 SIGKILLs at random moments", async () => {
    const kills = 500;
    let survived = 0;
    let midRun = 0;
    const failures: string[] = [];
    for (let round = 0; round < kills; round++) {
      const lesson = `crash-${round}`;
      const run = startWriter(lesson);
      // Most kills land in the middle of the writes (after the first acknowledged one, at a random moment,
      // often inside a write); one in five lands during start-up, before anything was written.
      if (Math.random() < 0.8) await firstAck(run, 10_000);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
      run.child.kill("SIGKILL");
      await run.done;
      if (run.acked.length > 0) midRun++;
      let steps: Set<string>;
      try {
        steps = await savedSteps(); // must parse, whatever moment the kill hit
      } catch (error) {
        failures.push(`round ${round}: the file does not parse (${(error as Error).message})`);
        continue;
      }
      const lost = run.acked.filter((i) => !steps.has(`${lesson}-${i}`));
      if (lost.length > 0) failures.push(`round ${round}: lost acknowledged updates ${lost.join(", ")}`);
      else survived++;
    }
    recordFigure(
      "progress under crashes",
      `kills survived ${survived}/${kills} (${midRun} after at least one saved update)`,
    );
    expect(midRun).toBeGreaterThan(kills / 2);
    expect(failures).toEqual([]);
    expect(survived).toBe(kills);
  }, 600_000);

  it("loses no update when two tutors take over a lock left by a crashed one at the same moment", async () => {
    for (let round = 0; round < 10; round++) {
      await writeFile(path.join(home, "progress.lock"), "999999"); // a pid that is not running
      const a = startWriter(`stale-a-${round}`, 20);
      const b = startWriter(`stale-b-${round}`, 20);
      await Promise.all([a.done, b.done]);
      const steps = await savedSteps();
      for (const run of [a, b]) expect(run.acked).toHaveLength(20);
      expect(
        [...steps].filter((s) => s.startsWith(`stale-a-${round}-`) || s.startsWith(`stale-b-${round}-`)),
      ).toHaveLength(40);
    }
  }, 300_000);

  it("loses no update when two tutors record at once", async () => {
    const a = startWriter("tutor-a", 200);
    const b = startWriter("tutor-b", 200);
    await Promise.all([a.done, b.done]);
    const steps = await savedSteps();
    const kept = [...steps].filter((s) => s.startsWith("tutor-a-") || s.startsWith("tutor-b-")).length;
    recordFigure("two tutors at once", `updates kept ${kept}/400`);
    expect(a.acked).toHaveLength(200);
    expect(b.acked).toHaveLength(200);
    expect(kept).toBe(400);
  }, 300_000);
});
