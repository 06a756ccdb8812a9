/**
 * `preview --step` runs the focused step's checks against the engine, as `check` does: failing before
 * the task is done, passing after; and again at every save with `--watch`.
 */
import { execFile } from "node:child_process";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace, startCli } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { TestResources } from "../support/resources.js";

const run = promisify(execFile);
// dockerode reads DOCKER_HOST as the tutor does: the matrix runs these tests on each engine.
const docker = new Dockerode();
/** The pack's id, so the container its lesson owns is this run's alone: `<id>-first-lesson`. */
const packId = `tutor-preview-${process.pid}`;
const container = `${packId}-first-lesson`;
const resources = new TestResources(docker, "preview");
resources.track("containers", container);
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await requireEngine();
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-preview-engine-"));
  env = { DOCKER_TUTOR_HOME: path.join(root, "home"), XDG_CACHE_HOME: path.join(root, "cache"), LANG: "C" };
  const made = await runCli(["new", "pack", "pack", "--id", packId, "--languages", "en"], { cwd: root, env });
  expect(made.code).toBe(0);
});
afterAll(async () => {
  await resources.removeAll();
  await rm(root, { recursive: true, force: true });
});

/** The scaffolded task, done from outside the tutor (labelled, so it is this test's). */
const doTheTask = () =>
  run("docker", [
    "run", "--name", container, "--label", `${testLabel}=${resources.labelValue}`, "busybox:latest", "echo", "Hello from busybox",
  ]); // biome-ignore format: one command line

const preview = ["preview", "first-lesson", "--pack", "pack", "--step", "run-a-container", "--yes"];

describe("docker-tutor preview --step", () => {
  it("shows the step and its checks' verdicts: failing, then passing once the task is done", async () => {
    await resources.removeAll();
    const before = await runCli(preview, { cwd: root, env });
    expect(before).toMatchObject({ code: 0, stderr: "" });
    expect(before.stdout).toContain("· #run-a-container");
    expect(before.stdout).not.toContain("· #about");
    expect(before.stdout).toContain(
      `Step run-a-container against the engine:\n  ✖ no container named ${container}\n`,
    );

    await doTheTask();
    const after = await runCli(preview, { cwd: root, env });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(
      `  ✔ container ${container} is exited, has exit code 0, runs image busybox:latest and has logs containing "Hello from busybox"\n`,
    );
    expect(after.stdout + after.stderr).not.toMatch(stackTrace);
  });

  it("checks again at every save with --watch", async () => {
    await resources.removeAll();
    const cli = startCli([...preview, "--watch"], { cwd: root, env });
    try {
      await cli.until(`✖ no container named ${container}`);
      await doTheTask();
      await appendFile(path.join(root, "pack", "first-lesson.md"), "\nSaved again.\n");
      await cli.until("pack/first-lesson.md changed");
      await cli.until(`✔ container ${container} is exited`);
      expect(await cli.interrupt()).toBe(0);
    } finally {
      cli.kill();
    }
  });
});
