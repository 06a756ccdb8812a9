import { mkdtemp, rm, writeFile } from "node:fs/promises";
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
