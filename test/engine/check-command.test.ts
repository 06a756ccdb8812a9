import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace } from "../support/cli.js";
import { requireEngine } from "../support/engine.js";
import { removeFirstContainer, runFirstContainer } from "../support/first-container.js";
import { resumeAt } from "../support/progress.js";

const _run = promisify(execFile);
let home: string;

beforeAll(async () => {
  await requireEngine();
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-check-"));
  await removeFirstContainer();
});
afterAll(async () => {
  await removeFirstContainer();
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ DOCKER_TUTOR_HOME: home });

describe("docker-tutor check", () => {
  it("exits 1 with the diagnosis while the step is not done, then 0 once it is", async () => {
    const before = await runCli(["check", "what-is-docker/first-container", "--json"], { env: env() });
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout)).toEqual({
      lesson: "what-is-docker",
      step: "first-container",
      passed: false,
      results: [{ check: "container tutor-hello", passed: false, message: "no container named tutor-hello" }],
    });

    // The same diagnosis in the learner's language.
    const french = await runCli(["check", "what-is-docker/first-container", "--lang", "fr"], { env: env() });
    expect(french.stdout).toBe("✖ aucun conteneur ne s'appelle tutor-hello\n");
    expect(french.code).toBe(1);

    await runFirstContainer("check");
    const after = await runCli(["check", "what-is-docker/first-container"], { env: env() });
    expect(after.stdout).toBe(
      '✔ container tutor-hello is exited, has exit code 0, runs image busybox and has logs containing "Hello from my first container"\n',
    );
    expect(after.code).toBe(0);
    const passedInFrench = await runCli(["check", "what-is-docker/first-container", "--lang", "fr"], {
      env: env(),
    });
    expect(passedInFrench.stdout).toBe(
      "✔ le conteneur tutor-hello est à l'état exited, a le code de sortie 0, tourne sur l'image busybox et a des journaux qui contiennent « Hello from my first container »\n",
    );
  });

  it("checks the step the learner is at when no step is named", async () => {
    await resumeAt(home, "what-is-docker", "first-container");
    const result = await runCli(["check", "--json"], { env: env() });
    expect(JSON.parse(result.stdout)).toMatchObject({ lesson: "what-is-docker", step: "first-container" });
  });

  it("says what to do with a step that has nothing to check, or no lesson at all", async () => {
    const reading = await runCli(["check", "what-is-docker/recap"], { env: env() });
    expect(reading.code).toBe(2);
    expect(reading.stderr).toBe(
      "docker-tutor: step what-is-docker/recap is a read step: it has no checks — name a task step\n",
    );
    const fresh = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-check-fresh-"));
    const none = await runCli(["check"], { env: { DOCKER_TUTOR_HOME: fresh } });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "docker-tutor: no lesson in progress — name one: `docker-tutor check LESSON` or `check LESSON/STEP`\n",
    );
    await rm(fresh, { recursive: true, force: true });
  });

  it("exits 2 with one line when the engine cannot be reached", async () => {
    const result = await runCli(["check", "what-is-docker/first-container"], {
      env: { ...env(), DOCKER_HOST: "unix:///nonexistent/docker.sock" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "docker-tutor: cannot reach the Docker engine: no Docker engine socket at /nonexistent/docker.sock (from DOCKER_HOST) — start Docker (Docker Desktop, colima, or `sudo systemctl start docker`), or point DOCKER_HOST at a running engine\n",
    );
    expect(result.stderr).not.toMatch(stackTrace);
  });

  it("reads PACK/LESSON, LESSON and PACK/LESSON/STEP by the ids that exist, going on to the next task", async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-check-targets-"));
    try {
      for (const target of [
        "docker-basics/containers",
        "containers",
        "docker-basics/containers/run-detached",
      ]) {
        const result = await runCli(["check", target, "--json"], { env: { DOCKER_TUTOR_HOME: fresh } });
        expect(result.code, target).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(Object.keys(report), target).toEqual(["lesson", "step", "passed", "results"]);
        expect(report, target).toMatchObject({ lesson: "containers", step: "run-detached", passed: false });
        expect(report.results.length, target).toBeGreaterThan(0);
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it("answers with a JSON error object on stdout for usage and engine errors under --json", async () => {
    const unknown = await runCli(["check", "no-such-lesson", "--json"], { env: env() });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toEqual({
      passed: false,
      error: {
        message: 'no lesson "no-such-lesson"',
        fix: expect.stringMatching(/^pick one of: /),
        exitCode: 2,
      },
    });
    const noEngine = await runCli(["check", "what-is-docker/first-container", "--json"], {
      env: { ...env(), DOCKER_HOST: "unix:///nonexistent/docker.sock" },
    });
    expect(noEngine.code).toBe(2);
    expect(JSON.parse(noEngine.stdout).error.message).toBe(
      "cannot reach the Docker engine: no Docker engine socket at /nonexistent/docker.sock (from DOCKER_HOST)",
    );
    expect(noEngine.stderr).not.toMatch(stackTrace);
  });
});
