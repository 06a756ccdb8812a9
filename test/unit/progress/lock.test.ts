import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lock, ProgressLocked } from "../../../src/progress/lock.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-lock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the progress lock", () => {
  it("gives up on a lock a live process holds with an error the learner can act on (exit 2, not a bug)", async () => {
    const file = path.join(dir, "progress.lock");
    await writeFile(file, String(process.pid)); // alive: this very process
    const error = await lock(file, 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgressLocked);
    expect((error as ProgressLocked).exitCode).toBe(2);
    expect((error as ProgressLocked).message).toBe(`progress is locked by another docker-tutor (${file})`);
    expect((error as ProgressLocked).fix).toBe(
      `close the other docker-tutor, or remove ${file} if none runs`,
    );
  });

  it("takes over a lock left by a process that is gone", async () => {
    const file = path.join(dir, "progress.lock");
    await writeFile(file, "999999");
    const release = await lock(file, 100);
    await release();
  });
});

describe("the progress lock and reused pids", () => {
  it("takes over a lock whose pid is alive but belongs to a process started later (pid reuse)", async () => {
    const file = path.join(dir, "progress.lock");
    // This process's pid, with a start time it never had: the lock's owner is gone, the pid reused.
    await writeFile(file, `${process.pid} 1`);
    const started = Date.now();
    const release = await lock(file, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    await release();
  });

  it("records its owner's pid and start time", async () => {
    const file = path.join(dir, "progress.lock");
    const release = await lock(file, 100);
    expect(await readFile(file, "utf8")).toMatch(new RegExp(`^${process.pid} \\d+$`));
    await release();
  });
});
