import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requireEngine } from "../support/engine.js";
import { EngineProxy } from "../support/engine-proxy.js";
import { removeFirstContainer, runFirstContainer } from "../support/first-container.js";
import { fixturePacks } from "../support/paths.js";
import { resumeAt as resumeLearnerAt, shownChoices } from "../support/progress.js";
import { keys, TerminalSession } from "../support/pty.js";

const _run = promisify(execFile);
const removeHello = removeFirstContainer;
const helloCommand = 'docker run --name tutor-hello busybox echo "Hello from my first container"';

let home: string;
let cwd: string;
let session: TerminalSession | undefined;

beforeAll(async () => {
  await requireEngine();
});
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-pty-home-"));
  cwd = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-pty-work-"));
  await removeHello();
});
afterEach(async () => {
  session?.kill();
  session = undefined;
  await removeHello();
  await rm(home, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

function start(args: string[] = [], env: NodeJS.ProcessEnv = {}): TerminalSession {
  session = new TerminalSession(["start", ...args], { cwd, env: { DOCKER_TUTOR_HOME: home, ...env } });
  return session;
}

/** Puts the learner at a step of what-is-docker, as if they had got there before. */
const resumeAt = (step: string) => resumeLearnerAt(home, "what-is-docker", step);

describe("docker-tutor start, in a terminal", () => {
  it("picks a lesson from the menu, reads a step, and answers a quiz wrong then right", async () => {
    const t = start();
    await t.waitFor("Choose a lesson");
    await t.waitFor("What Docker is · new");
    t.write(keys.enter);
    await t.waitFor("What Docker is · step 1/12");
    await t.waitFor("Press Enter to continue.");
    t.write(keys.enter);
    await t.waitFor("Containers are not virtual machines");
    t.write(keys.enter);
    await t.waitFor("Why does a container start much faster than a virtual machine?");
    // The choices are shuffled for this learner; choice 1 is wrong, choice 0 right.
    const rows = await shownChoices(home, "what-is-docker", "quiz-kernel", 3);
    for (let i = 0; i < rows.indexOf(1); i++) t.write(keys.down);
    t.write(keys.enter);
    const wrong = await t.waitFor("Not quite. Try again.");
    expect(wrong).toContain("✖ Hypervisors are what virtual machines use. Containers need none.");
    await t.waitFor("Why does a container start much faster than a virtual machine?");
    for (let i = 0; i < rows.indexOf(0); i++) t.write(keys.down);
    t.write(keys.enter);
    const right = await t.waitFor("Right!");
    expect(right).toContain("✔ Right. A container is an isolated process; the kernel is already running.");
    await t.waitFor("step 4/12");
    t.line("quit");
    await t.waitFor("Progress saved.");
    expect(await t.exit()).toBe(0);
  });

  it("passes a task by itself when the learner types the docker command at the tutor's prompt", async () => {
    await resumeAt("first-container");
    const t = start(["what-is-docker"]);
    await t.waitFor("step 7/12");
    await t.waitFor("docker-tutor ›");
    t.line(helloCommand);
    const screen = await t.waitFor("✔ Done: Your first container");
    expect(screen).toContain("Hello from my first container");
    await t.waitFor("step 8/12");
    t.line("quit");
    expect(await t.exit()).toBe(0);
  });

  it("passes a task by itself when the work is done from another terminal", async () => {
    await resumeAt("first-container");
    const t = start(["what-is-docker"]);
    await t.waitFor("docker-tutor ›");
    await runFirstContainer("pty");
    await t.waitFor("✔ Done: Your first container");
    await t.waitFor("step 8/12");
    t.write(keys.ctrlC);
    await t.waitFor("Progress saved.");
    expect(await t.exit()).toBe(0);
  });

  it("says what is still wrong after a command that did not finish the step", async () => {
    await resumeAt("first-container");
    const t = start(["what-is-docker"]);
    await t.waitFor("docker-tutor ›");
    t.line("docker run --name tutor-hello busybox echo hi");
    await t.waitFor(
      'Not yet: logs of container tutor-hello end with "hi"; expected them to contain "Hello from my first container"',
    );
    t.line("hint");
    await t.waitFor("Hint 1/3");
    t.line("quit");
    expect(await t.exit()).toBe(0);
  });

  it("quits in the middle and lands on the same step when started again", async () => {
    const first = start(["what-is-docker"]);
    await first.waitFor("step 1/12");
    first.write(keys.enter);
    await first.waitFor("step 2/12");
    await first.waitFor("docker-tutor ›");
    first.line("quit");
    await first.waitFor("Progress saved.");
    expect(await first.exit()).toBe(0);

    const again = start();
    await again.waitFor("What Docker is · step 2/12"); // the menu shows where the learner stands
    again.write(keys.enter);
    const shown = await again.waitFor("Containers are not virtual machines");
    expect(shown).toContain("What Docker is · step 2/12 ·");
    expect(again.text).not.toContain("step 1/12");
    again.line("quit");
    expect(await again.exit()).toBe(0);
  });

  it("shows a banner when the engine goes away mid-step, and passes the step once it is back", async () => {
    const proxy = new EngineProxy(path.join(cwd, "engine.sock"));
    await proxy.up();
    try {
      await resumeAt("first-container");
      const t = start(["what-is-docker"], { DOCKER_HOST: `unix://${proxy.socket}` });
      await t.waitFor("docker-tutor ›");
      await proxy.down();
      await t.waitFor("The Docker engine is not answering: checks resume as soon as it is back.");
      await proxy.up();
      await t.waitFor("The Docker engine is back.", 20_000);
      await runFirstContainer("pty");
      await t.waitFor("✔ Done: Your first container");
      t.line("quit");
      expect(await t.exit()).toBe(0);
      expect(t.text).not.toMatch(/at .+\.js:\d+/);
    } finally {
      await proxy.down();
    }
  });
});

describe("docker-tutor start before the engine is up", () => {
  it("says so, and picks the engine up when the learner checks after starting it", async () => {
    const proxy = new EngineProxy(path.join(cwd, "late-engine.sock"));
    await resumeAt("first-container");
    const t = start(["what-is-docker"], { DOCKER_HOST: `unix://${proxy.socket}` });
    try {
      await t.waitFor("No Docker engine answers");
      await t.waitFor("docker-tutor ›");
      await proxy.up();
      await runFirstContainer("pty");
      t.line("check");
      await t.waitFor("✔ Done: Your first container");
      t.line("quit");
      expect(await t.exit()).toBe(0);
    } finally {
      await proxy.down();
    }
  });
});

describe("docker-tutor start with an image nobody can provide", () => {
  it("names the missing image and how to provide it, and the lesson can still be read", async () => {
    const pack = path.join(fixturePacks, "missing-image");
    const t = start(["absent-image"], { DOCKER_TUTOR_PACKS: pack, DOCKER_TUTOR_TRUST: "1" });
    await t.waitFor("An absent image · step 1/2");
    await t.waitFor("This step can be read without the image.");
    t.write(keys.enter);
    await t.waitFor("step 2/2");
    await t.waitFor("Missing images: tutor-absent-image:1. No registry could provide them.", 30_000);
    await t.waitFor("docker-tutor ›");
    t.line("quit");
    expect(await t.exit()).toBe(0);
  });
});

afterAll(async () => {
  await removeHello();
});
