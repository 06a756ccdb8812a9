/**
 * `happened:` checks against the real engine's event log: what the docker CLI did since the step began
 * passes, what it did before does not, and what the tutor itself did (its exec checks, its helper
 * containers) never counts. Each case begins a step of its own, by the engine's clock, and pins the
 * exact one-line message a learner would read.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CheckContext, createCheckContext } from "../../src/checks/check-context.js";
import { evaluateChecks } from "../../src/checks/evaluate.js";
import { runHelper } from "../../src/checks/helper.js";
import { parseCheckList } from "../../src/checks/parse.js";
import type { CheckResult } from "../../src/checks/result.js";
import { ownExecs } from "../../src/world/own-execs.js";
import { engineClock } from "../../src/world/provenance.js";
import type { Resources } from "../../src/world/resources.js";
import { requireEngine } from "../support/engine.js";
import { startedLongAgo } from "../support/provenance.js";
import { TestResources } from "../support/resources.js";

const run = promisify(execFile);
const docker = new Dockerode();
const engineHost = process.env.DOCKER_HOST ?? "unix:///var/run/docker.sock";
const created = new TestResources(docker, "happened");
const pid = process.pid;
const named = (what: string) => `tutor-test-ev-${what}-${pid}`;

const ticker = named("ticker");
const once = named("once");
const before = named("before");
const tagged = `tutor-test-ev-tag-${pid}`;

const resources: Resources = {
  containers: [ticker, once, before],
  images: [tagged],
  volumes: [],
  networks: [],
  projects: [],
};

let home: string;
let ctx: CheckContext;

/** The docker CLI, as the learner would type it; its labels mark it as this file's. */
async function dockerCli(...args: string[]): Promise<string> {
  return (await run("docker", args, { timeout: 30_000 })).stdout.trim();
}

/** `docker VERB FLAGS --name NAME busybox COMMAND`, labelled as this file's, as the learner types it. */
function busyboxCli(verb: string, flags: string[], name: string, command: string[]): Promise<string> {
  const label = `org.docker-tutor.test=${created.labelValue}`;
  return dockerCli(
    verb,
    ...flags,
    "--name",
    created.track("containers", name),
    "--label",
    label,
    "busybox",
    ...command,
  );
}

async function runTicker(): Promise<void> {
  await docker
    .getContainer(ticker)
    .remove({ force: true })
    .catch(() => undefined);
  await busyboxCli("run", ["-d"], ticker, ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"]);
}

/** The engine's time now: a step begins. */
async function stepBegins(): Promise<string> {
  return (await engineClock(docker, engineHost)).now;
}

async function evaluate(yaml: string, stepBegan: string | undefined): Promise<CheckResult[]> {
  const { checks, issues } = parseCheckList(parse(yaml));
  expect(issues).toEqual([]);
  return evaluateChecks(checks, ctx, { stepBegan });
}

async function one(
  yaml: string,
  stepBegan: string | undefined,
): Promise<{ passed: boolean; message: string }> {
  const [result] = await evaluate(yaml, stepBegan);
  if (!result) throw new Error("no result");
  expect(result.engineError).toBeUndefined();
  return { passed: result.passed, message: result.message };
}

beforeAll(async () => {
  await requireEngine();
  home = await mkdtemp(path.join(os.tmpdir(), "tutor-happened-"));
  ctx = createCheckContext({
    docker,
    workdir: home,
    resources,
    images: ["busybox", "python:3.11-slim"],
    engineHost,
    marker: startedLongAgo,
    ownExecs: ownExecs(home),
  });
}, 60_000);

afterAll(async () => {
  await created.removeAll();
  await rm(home, { recursive: true, force: true });
}, 60_000);

describe("happened: checks on the real engine", () => {
  it("sees an attach during the step, and says when nothing happened", async () => {
    await runTicker();
    const began = await stepBegins();
    const check = `- happened: {action: attach, container: ${ticker}}`;
    expect(await one(check, began)).toEqual({
      passed: false,
      message: `container ${ticker} has had no event since this step began; expected the event attach for container ${ticker}`,
    });
    // What a solution does: watch for a moment, then let go (SIGKILL: the CLI ignores SIGTERM then).
    await run("timeout", ["-s", "KILL", "1", "docker", "attach", "--no-stdin", ticker]).catch(
      () => undefined,
    );
    expect(await one(check, began)).toEqual({
      passed: true,
      message: `during the step, the engine reported the event attach for container ${ticker}`,
    });
    // The same check in a step that begins now: the attach was before it.
    expect((await one(check, await stepBegins())).passed).toBe(false);
  }, 60_000);

  it("sees the learner's exec, and never the tutor's own exec checks", async () => {
    await runTicker();
    const began = await stepBegins();
    // The tutor's exec check runs `sh -c …` in the container: it must not count as the learner's.
    const results = await evaluate(
      `- exec: ${ticker}\n  command: "true"\n- happened: {action: exec_start, container: ${ticker}, command: sh}`,
      began,
    );
    expect(results.map((r) => [r.passed, r.message])).toEqual([
      [true, `\`true\` in container ${ticker} exits 0`],
      [
        false,
        `container ${ticker} has had no event since this step began; expected the event exec_start for container ${ticker} running \`sh\``,
      ],
    ]);
    await dockerCli("exec", ticker, "/bin/sh", "-c", "echo looked around");
    expect(await one(`- happened: {action: exec_start, container: ${ticker}, command: sh}`, began)).toEqual({
      passed: true,
      message: `during the step, the engine reported the event exec_start for container ${ticker} running \`sh\``,
    });
    // Another program was run, not ls.
    expect(await one(`- happened: {action: exec_start, container: ${ticker}, command: ls}`, began)).toEqual({
      passed: false,
      message: `container ${ticker} has had exec_create (/bin/sh -c echo looked around), exec_start (/bin/sh -c echo looked around), exec_die (exit code 0) since this step began; expected the event exec_start for container ${ticker} running \`ls\``,
    });
  }, 60_000);

  it("tells a kill from a stop by the signal, and reads the exit code", async () => {
    await runTicker();
    const began = await stepBegins();
    await dockerCli("kill", ticker);
    expect(await one(`- happened: {action: kill, container: ${ticker}, signal: SIGKILL}`, began)).toEqual({
      passed: true,
      message: `during the step, the engine reported the event kill for container ${ticker} with signal SIGKILL`,
    });
    expect(await one(`- happened: {action: die, container: ${ticker}, exitCode: 137}`, began)).toEqual({
      passed: true,
      message: `during the step, the engine reported the event die for container ${ticker} with exit code 137`,
    });
    expect(await one(`- happened: {action: kill, container: ${ticker}, signal: SIGTERM}`, began)).toEqual({
      passed: false,
      message: `container ${ticker} has had kill (SIGKILL), die (exit code 137) since this step began; expected the event kill for container ${ticker} with signal SIGTERM`,
    });
    expect(await one(`- not:\n    happened: {action: stop, container: ${ticker}}`, began)).toEqual({
      passed: true,
      message: `container ${ticker} has had kill (SIGKILL), die (exit code 137) since this step began`,
    });
  }, 60_000);

  it("remembers a container that removed itself, from its image", async () => {
    const began = await stepBegins();
    await busyboxCli("run", ["--rm"], once, ["true"]);
    expect(await one(`- happened: {action: create, container: ${once}, image: busybox}`, began)).toEqual({
      passed: true,
      message: `during the step, the engine reported the event create for container ${once} of image busybox`,
    });
    expect(await one(`- happened: {action: destroy, container: ${once}}`, began)).toMatchObject({
      passed: true,
    });
    expect(
      await one(`- happened: {action: create, container: ${once}, image: python:3.11-slim}`, began),
    ).toEqual({
      passed: false,
      message: `container ${once} has had no event since this step began; expected the event create for container ${once} of image python:3.11-slim`,
    });
  }, 60_000);

  it("does not count the tutor's helper containers, nor what happened before the step", async () => {
    await docker
      .getContainer(before)
      .remove({ force: true })
      .catch(() => undefined);
    await busyboxCli("create", [], before, ["true"]);
    const began = await stepBegins();
    // A helper container, as the volume checks run one: made from busybox, labelled as the tutor's.
    const helper = await runHelper(ctx, ["true"]);
    expect(helper.exitCode).toBe(0);
    expect(await one("- happened: {action: create, image: busybox}", began)).toEqual({
      passed: false,
      message:
        "containers from image busybox have had no event since this step began; expected the event create of image busybox",
    });
    expect(await one(`- happened: {action: create, container: ${before}}`, began)).toMatchObject({
      passed: false,
    });
  }, 60_000);

  it("sees an image tagged during the step, by the tag's name", async () => {
    const began = await stepBegins();
    await dockerCli("tag", "busybox", created.track("images", `${tagged}:1`));
    expect(await one(`- happened: {action: tag, image: "${tagged}:1"}`, began)).toEqual({
      passed: true,
      message: `during the step, the engine reported the event tag of image ${tagged}:1`,
    });
  }, 60_000);

  it("says so when the step's start is not known", async () => {
    expect(await one(`- happened: {action: attach, container: ${ticker}}`, undefined)).toEqual({
      passed: false,
      message: `the start of this step is not recorded, so what happened during it cannot be told; expected the event attach for container ${ticker}`,
    });
  });
});
