import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../src/pack/load-pack.js";
import { runCli, stackTrace } from "../support/cli.js";
import { requireEngine } from "../support/engine.js";
import { EngineProxy } from "../support/engine-proxy.js";
import { recordFigure } from "../support/figures.js";
import { removeFirstContainer, runFirstContainer } from "../support/first-container.js";
import { cliPath, repoRoot } from "../support/paths.js";
import { resumeAt } from "../support/progress.js";
import { TerminalSession } from "../support/pty.js";

const _run = promisify(execFile);

let dir: string;
/** Steps of the built-in containers lesson: verify reports every one of them. */
let stepCount: number;
beforeAll(async () => {
  await requireEngine();
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-outage-"));
  const { pack } = await loadPack(path.join(repoRoot, "lessons"));
  stepCount = pack?.lessons.find((lesson) => lesson.id === "containers")?.steps.length ?? 0;
});
afterAll(async () => {
  await runCli(["reset", "containers", "--yes"], { env: { DOCKER_TUTOR_HOME: dir } });
  await rm(dir, { recursive: true, force: true });
});

describe("the engine goes away during verify", () => {
  it("marks the steps it hit as engine errors, not lesson failures, and goes on once the engine is back", async () => {
    const outages = 3;
    let survived = 0;
    for (let outage = 0; outage < outages; outage++) {
      const proxy = new EngineProxy(path.join(dir, `engine-${outage}.sock`));
      await proxy.up();
      const env = {
        ...process.env,
        NO_COLOR: "1",
        DOCKER_HOST: `unix://${proxy.socket}`,
        DOCKER_TUTOR_HOME: dir,
      };
      const junit = path.join(dir, `verify-${outage}.xml`);
      const child = spawn(
        process.execPath,
        [cliPath, "verify", "--lesson", "containers", "--junit", junit, "--check-wait", "5"],
        { env },
      );
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const cutAfter = ["run-detached", "pause", "environment"][outage] as string;
      const cut = new Promise<void>((resolve) => {
        child.stdout.on("data", (d) => {
          stdout += d;
          if (stdout.includes(`✔ ${cutAfter} `)) resolve();
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      // Cut it just after a step, for a few seconds: the next step meets an engine that is gone.
      await Promise.race([cut, exited]);
      await proxy.down();
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await proxy.up();
      const code = await exited;
      await proxy.down();
      const result = { code, stdout, stderr };
      const xml = await readFile(junit, "utf8");
      expect(xml).toContain("engine error: the engine stopped answering during this step");
      expect(stdout).toMatch(/⚠ the engine stopped answering during [\w-]+; waiting for it/);
      expect(stdout).toMatch(/the engine is back after [\d.]+s; going on/);
      expect(result.stderr).not.toMatch(stackTrace);
      const verdict = result.stdout.trim().split("\n").at(-1) ?? "";
      // No lesson failure: only engine errors, and every step reported.
      // On a mismatch, the whole log says which step failed and why.
      expect(verdict, result.stdout).toMatch(
        new RegExp(
          `^verify: 1 lesson\\(s\\), ${stepCount} step\\(s\\), 0 failure\\(s\\), [1-9]\\d* engine error\\(s\\)$`,
        ),
      );
      expect(result.code).toBe(2);
      survived++;
    }
    recordFigure("engine away and back during verify", `outages survived ${survived}/${outages}`);
  }, 600_000);
});

describe("the engine goes away during an interactive step", () => {
  it("shows the banner in one line, does not crash, and passes the step once the engine is back", async () => {
    const outages = 3;
    let survived = 0;
    for (let outage = 0; outage < outages; outage++) {
      const home = await mkdtemp(path.join(dir, "home-"));
      await resumeAt(home, "what-is-docker", "first-container");
      await removeFirstContainer();
      const proxy = new EngineProxy(path.join(dir, `tutor-engine-${outage}.sock`));
      await proxy.up();
      const t = new TerminalSession(["start", "what-is-docker"], {
        cwd: dir,
        env: { DOCKER_HOST: `unix://${proxy.socket}`, DOCKER_TUTOR_HOME: home },
      });
      try {
        await t.waitFor("docker-tutor ›");
        await proxy.down();
        const banner = await t.waitFor(
          "The Docker engine is not answering: checks resume as soon as it is back.",
        );
        expect(banner.split("\n").filter((l) => l.includes("not answering"))).toHaveLength(1);
        await new Promise((resolve) => setTimeout(resolve, 1000 + outage * 1000));
        await proxy.up();
        await t.waitFor("The Docker engine is back.", 20_000);
        await runFirstContainer("outage");
        await t.waitFor("✔ Done: Your first container");
        t.line("quit");
        expect(await t.exit()).toBe(0);
        expect(t.text).not.toMatch(stackTrace);
        survived++;
      } finally {
        t.kill();
        await proxy.down();
        await removeFirstContainer();
      }
    }
    recordFigure(
      "engine away and back during an interactive step",
      `outages survived ${survived}/${outages}`,
    );
  }, 300_000);
});
