/**
 * A step only history can tell, as a learner lives it: the tutor waits at a `happened:` step, the learner
 * attaches to the container from another terminal, and the step passes by itself; `check` in a third
 * terminal agrees, because it reads the step's start from progress. The step's start was recorded when
 * it opened, so an attach from before it does not count.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { TerminalSession } from "../support/pty.js";

const run = promisify(execFile);
const shell = `tutor-e2e-shell-${process.pid}`;

let home: string;
let cwd: string;
let pack: string;

const lesson = `---
id: history
title: History
summary: A step that only the engine's events can tell.
level: beginner
minutes: 1
images: [busybox:latest]
resources:
  containers: [${shell}]
---

## Attach {#attach}

Attach to ${shell}, then let go.

\`\`\`check
- happened: {action: attach, container: ${shell}}
\`\`\`

\`\`\`hint
docker attach
\`\`\`

\`\`\`solution
timeout -s KILL 1 docker attach --no-stdin ${shell} || true
\`\`\`
`;

async function attach(): Promise<void> {
  await run("timeout", ["-s", "KILL", "1", "docker", "attach", "--no-stdin", shell]).catch(() => undefined);
}

async function check(): Promise<{ passed: boolean; message: string }> {
  const result = await runCli(["check", "history/attach", "--pack", pack, "--json", "--yes"], {
    env: { DOCKER_TUTOR_HOME: home },
    cwd,
  });
  const report = JSON.parse(result.stdout) as { passed: boolean; results: { message: string }[] };
  return { passed: report.passed, message: report.results[0]?.message ?? "" };
}

beforeAll(async () => {
  await requireEngine();
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-history-home-"));
  cwd = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-history-work-"));
  pack = path.join(cwd, "pack");
  await mkdir(pack);
  await writeFile(
    path.join(pack, "pack.yaml"),
    "id: history-pack\ntitle:\n  en: History\nversion: 1.0.0\nlessons:\n  - history.md\n",
  );
  await writeFile(path.join(pack, "history.md"), lesson);
  await run("docker", ["rm", "-f", shell]).catch(() => undefined);
  await run("docker", [
    "run",
    "-dit",
    "--name",
    shell,
    "--label",
    `${testLabel}=happened-e2e`,
    "busybox",
    "sh",
  ]);
}, 60_000);

afterAll(async () => {
  await run("docker", ["rm", "-f", shell]).catch(() => undefined);
  await rm(home, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
}, 60_000);

describe("a happened: step in the tutor", () => {
  it("passes by itself when the learner attaches in another terminal, and check agrees", async () => {
    // An attach before the step opens is history of another time.
    await attach();
    const t = new TerminalSession(["start", "history", "--pack", pack, "--yes"], {
      cwd,
      env: { DOCKER_TUTOR_HOME: home },
    });
    try {
      await t.waitFor("docker-tutor ›", 30_000);
      const before = await check();
      expect(before).toEqual({
        passed: false,
        message: `container ${shell} has had no event since this step began; expected the event attach for container ${shell}`,
      });
      expect(t.text).not.toContain("✔ Done:");
      await attach();
      await t.waitFor("✔ Done: Attach", 15_000);
      expect(await check()).toEqual({
        passed: true,
        message: `during the step, the engine reported the event attach for container ${shell}`,
      });
    } finally {
      t.kill();
    }
  }, 120_000);
});
