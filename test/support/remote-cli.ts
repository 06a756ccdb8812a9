/** The built CLI against a remote engine: what a learner sees when it is reached, and when it is refused. */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { findOnPath } from "../../src/engine/tools.js";
import { runCli, stackTrace } from "./cli.js";

/**
 * The tutor's own folder, shared by a file's tests so the built-in pack is parsed once, not by every
 * command; with a bin/ holding only the docker CLI, the PATH of the commands run (doctor would otherwise
 * start this machine's Python docker-compose twice, seconds each, for nothing these tests look at).
 */
export async function makeTutorHome(): Promise<string> {
  const tutorHome = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-remote-tutor-"));
  const docker = await findOnPath("docker", process.env);
  if (!docker) throw new Error("the docker CLI is not on PATH");
  await mkdir(path.join(tutorHome, "bin"));
  await symlink(docker, path.join(tutorHome, "bin", "docker"));
  return tutorHome;
}

/** Nothing of the machine's own engine settings leaks in: each test says how the engine is reached. */
export function learnerEnv(
  home: string,
  tutorHome: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    PATH: path.join(tutorHome, "bin"),
    DOCKER_HOST: undefined,
    DOCKER_CONTEXT: undefined,
    DOCKER_TLS_VERIFY: undefined,
    DOCKER_CERT_PATH: undefined,
    SSH_AUTH_SOCK: undefined,
    HOME: home,
    DOCKER_CONFIG: path.join(home, ".docker"),
    DOCKER_TUTOR_HOME: tutorHome,
    ...extra,
  };
}

/** A home folder of its own, removed after `use`. */
export async function withHome<T>(use: (home: string) => Promise<T>): Promise<T> {
  const home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-home-"));
  try {
    return await use(home);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/**
 * `doctor --json` reaches Docker 28 at `host` (found by `source`), `check what-is-docker/first-container`
 * passes, and so does `check containers/publish-port`, whose http check reaches the engine's host `ip`.
 */
export async function expectReached(
  env: NodeJS.ProcessEnv,
  host: string,
  source: string,
  ip: string,
): Promise<void> {
  const [doctor, first, port] = await Promise.all([
    runCli(["doctor", "--json"], { env }),
    runCli(["check", "what-is-docker/first-container", "--json"], { env }),
    runCli(["check", "containers/publish-port", "--json"], { env }),
  ]);
  expect(doctor.stderr).toBe("");
  const report = JSON.parse(doctor.stdout) as {
    engine: { reachable: boolean; host: string; source: string; version: string };
  };
  expect(report.engine).toMatchObject({ reachable: true, host, source });
  expect(report.engine.version).toMatch(/^28\./);

  expect(JSON.parse(first.stdout)).toMatchObject({ passed: true });
  expect(first.code).toBe(0);

  expect(JSON.parse(port.stdout)).toEqual({
    lesson: "containers",
    step: "publish-port",
    passed: true,
    results: [
      {
        check: "container tutor-httpd",
        passed: true,
        message: "container tutor-httpd is running and publishes 8081→80",
      },
      {
        check: "http 8081",
        passed: true,
        // The address asked, the engine's host: not localhost.
        message: `GET http://${ip}:8081/ answers 2xx with a body containing "Hello from tutor-httpd"`,
      },
    ],
  });
  expect(port.code).toBe(0);
}

/**
 * The engine cannot be reached, and the learner is told why in one line, with the fix: on stderr from
 * `check`, and as the engine check of `doctor --json`. No such line ever tells them to start Docker.
 */
export async function expectRefused(env: NodeJS.ProcessEnv, message: string, fix: string): Promise<void> {
  const [check, doctor] = await Promise.all([
    runCli(["check", "what-is-docker/first-container"], { env }),
    runCli(["doctor", "--json"], { env }),
  ]);
  expect(check.stderr).toBe(`docker-tutor: cannot reach the Docker engine: ${message} — ${fix}\n`);
  expect(check.stderr).not.toMatch(stackTrace);
  expect(check.code).toBe(2);

  const report = JSON.parse(doctor.stdout) as {
    checks: { name: string; ok: boolean; detail: string; fix: string }[];
  };
  expect(report.checks.find((c) => c.name === "Docker engine")).toMatchObject({
    ok: false,
    detail: message,
    fix,
  });
  expect(`${message} ${fix}`).not.toMatch(/start Docker/);
}

/** Docker configuration the tutor refuses before connecting: one line naming the file, with the fix. */
export async function expectConfigRefused(env: NodeJS.ProcessEnv, line: string): Promise<void> {
  const check = await runCli(["check", "what-is-docker/first-container"], { env });
  expect(check.stderr).toBe(`docker-tutor: ${line}\n`);
  expect(check.code).toBe(2);
}
