/** Running a solution as verify does: bash -e in the working folder, killed whole on timeout or cancel. */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSolution } from "../../../src/run/solution.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-solution-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Running, not a zombie (where nothing reaps orphans, a killed process lingers as one). */
const alive = (pid: number) => {
  let stat = "";
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  return !/^\d+ \(.*\) [ZX]/.test(stat);
};

describe("a solution run", () => {
  it("is killed with its whole process group when its run is cancelled", async () => {
    const controller = new AbortController();
    // A child in the background, and the solution itself waiting: both must go.
    const script = "echo started; sleep 30 & echo $! > child.pid; sleep 30";
    const running = runSolution(script, { cwd: dir, timeoutMs: 60_000, env: {}, signal: controller.signal });
    const pidFile = path.join(dir, "child.pid");
    for (let i = 0; i < 200 && !(await readFile(pidFile, "utf8").catch(() => "")).trim(); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const child = Number((await readFile(pidFile, "utf8")).trim());
    expect(alive(child)).toBe(true);
    controller.abort();
    const run = await running;
    expect(run).toMatchObject({ exitCode: null, timedOut: false, cancelled: true });
    expect(run.output).toBe("started\n");
    expect(run.ms).toBeLessThan(10_000);
    for (let i = 0; i < 100 && alive(child); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(alive(child)).toBe(false);
  });

  it("runs as usual with a signal that never aborts", async () => {
    const run = await runSolution("echo ok", {
      cwd: dir,
      timeoutMs: 10_000,
      env: {},
      signal: new AbortController().signal,
    });
    expect(run).toEqual({ exitCode: 0, output: "ok\n", timedOut: false, ms: run.ms });
  });
});
