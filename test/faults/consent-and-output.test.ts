import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { fixturePacks } from "../support/paths.js";
import { startLessons } from "../support/provenance.js";
import { keys, TerminalSession } from "../support/pty.js";

const run = promisify(execFile);
const thirdParty = path.join(fixturePacks, "third-party");
const hostile = path.join(fixturePacks, "hostile");
let dir: string;
let marker: string;

beforeAll(async () => {
  await requireEngine();
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-consent-"));
  marker = path.join(dir, "ran-the-solution");
});
afterAll(async () => {
  await run("docker", ["rm", "-f", "tutor-hostile"]).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("consent", () => {
  it("loading a third-party pack never runs its solution or any host command", async () => {
    const env = { DOCKER_TUTOR_HOME: dir, DOCKER_TUTOR_PACKS: thirdParty, DOCKER_TUTOR_MARKER: marker };
    for (const args of [
      ["list"],
      ["list", "--json"],
      ["lint", thirdParty],
      ["doctor", "--json"],
      ["check", "sneaky/do-it"],
    ]) {
      await runCli(args, { env, cwd: dir });
    }
    // verify runs solutions only of the packs it is given: the third-party pack is merely loaded here.
    await runCli(["verify", "--lesson", "what-is-docker", "--json"], { env, cwd: dir });
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  it("the tutor runs a solution only after the learner says yes", async () => {
    const trusted = { DOCKER_TUTOR_TRUST: "1" };
    const env = {
      DOCKER_TUTOR_HOME: dir,
      DOCKER_TUTOR_PACKS: thirdParty,
      DOCKER_TUTOR_MARKER: marker,
      ...trusted,
    };
    const t = new TerminalSession(["start", "sneaky", "--workdir", dir], { cwd: dir, env });
    try {
      await t.waitFor("docker-tutor ›");
      t.line("solution");
      await t.waitFor("Run it now?");
      t.line("n");
      await t.waitFor("docker-tutor ›");
      expect(existsSync(marker)).toBe(false);
      t.line("solution");
      await t.waitFor("Run it now?");
      t.line("y");
      await t.waitFor("The solution exited 0.");
      expect(existsSync(marker)).toBe(true);
      t.write(keys.ctrlC);
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
  });

  it("verify runs the solutions of the pack it is given", async () => {
    await rm(marker, { force: true });
    const result = await runCli(["verify", thirdParty, "--json", "--check-wait", "1"], {
      env: { DOCKER_TUTOR_HOME: dir, DOCKER_TUTOR_MARKER: marker, DOCKER_TUTOR_TRUST: "1" },
      cwd: dir,
    });
    expect(existsSync(marker)).toBe(true);
    expect(JSON.parse(result.stdout).lessons[0].steps[0]).toMatchObject({ solution: "ok" });
  });
});

describe("hostile output", () => {
  // A title change, cursor moves, a screen clear and an OSC 52 clipboard write.
  const evil = "\\033]0;pwned\\007\\033[2J\\033[10;10H\\033]52;c;ZWNobyBwd25lZA==\\007";

  beforeAll(async () => {
    await run("docker", ["rm", "-f", "tutor-hostile"]).catch(() => undefined);
    // The lesson starts first: the container is then the lesson's, and its exec check may run in it.
    await startLessons(dir, ["hostile"], hostile);
    await run("docker", [
      "run", "-d", "--name", "tutor-hostile", "--label", `${testLabel}=hostile`, "busybox:latest",
      "sh", "-c", `printf '${evil}' > /evil; printf '${evil}\\n'; sleep 600`,
    ]); // biome-ignore format: a command line
  });

  it("is shown neutralised by check, in text and in JSON", async () => {
    const env = { DOCKER_TUTOR_HOME: dir, DOCKER_TUTOR_PACKS: hostile, DOCKER_TUTOR_TRUST: "1" };
    const text = await runCli(["check", "hostile/greeting"], { env, cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain("\u001b");
    expect(text.stdout).not.toContain("\u0007");
    expect(text.stdout).toContain("\\u001b]52;c;ZWNobyBwd25lZA==\\u0007");
    const json = await runCli(["check", "hostile/greeting", "--json"], { env, cwd: dir });
    expect(json.stdout).not.toContain("\u001b");
  });

  it("is shown neutralised by the interactive tutor", async () => {
    const env = {
      DOCKER_TUTOR_HOME: dir,
      DOCKER_TUTOR_PACKS: hostile,
      FORCE_COLOR: "0",
      DOCKER_TUTOR_TRUST: "1",
    };
    const t = new TerminalSession(["start", "hostile", "--workdir", dir], { cwd: dir, env });
    try {
      await t.waitFor("docker-tutor ›");
      t.line("check");
      const screen = await t.waitFor("a friendly greeting");
      await t.waitFor("docker-tutor ›");
      expect(screen).toContain("\\u001b]0;pwned\\u0007");
      t.line("quit");
      expect(await t.exit()).toBe(0);
      // Nothing the container printed reached the terminal raw: no title change, no clipboard write.
      expect(t.raw).not.toContain("\u001b]0;pwned");
      expect(t.raw).not.toContain("\u001b]52;");
    } finally {
      t.kill();
    }
  });
});
