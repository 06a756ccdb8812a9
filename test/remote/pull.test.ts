/**
 * The pull path, offline: an engine that lacks busybox pulls it through a local registry mirror, as a
 * learner's engine pulls from Docker Hub, and the tutor shows the pull's progress before the lesson's first
 * task; a name that no registry has ends with the one-line way out, and the lesson can still be read.
 */
import { rm } from "node:fs/promises";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckContext } from "../../src/checks/check-context.js";
import { evaluateChecks } from "../../src/checks/evaluate.js";
import { parseCheckList } from "../../src/checks/parse.js";
import { engineClock } from "../../src/world/provenance.js";
import { emptyResources } from "../../src/world/resources.js";
import { type MirroredEngine, startMirroredEngine } from "../support/mirrored-engine.js";
import { fixturePacks } from "../support/paths.js";
import { keys, TerminalSession } from "../support/pty.js";
import { learnerEnv, makeTutorHome, withHome } from "../support/remote-cli.js";

let engine: MirroredEngine;
let tutorHome: string;

beforeAll(async () => {
  tutorHome = await makeTutorHome();
  engine = await startMirroredEngine("docker-tutor-mirrored-engine");
});
afterAll(async () => {
  await engine?.remove();
  await rm(tutorHome, { recursive: true, force: true });
});

function start(home: string, args: string[], extra: NodeJS.ProcessEnv = {}): TerminalSession {
  return new TerminalSession(["start", ...args], {
    cwd: home,
    env: learnerEnv(home, tutorHome, { DOCKER_HOST: engine.host, ...extra }),
  });
}

describe("an engine that pulls through a registry", () => {
  it("pulls a lesson's missing image before its first task, with a progress line", async () => {
    await expect(engine.docker(["image", "inspect", "busybox:latest"])).rejects.toThrow();
    await withHome(async (home) => {
      const t = start(home, ["containers"]);
      try {
        await t.waitFor("Running and managing containers · step 1/");
        await t.waitFor("Press Enter to continue.");
        t.write(keys.enter); // the first step is read; the pull comes before the first task
        await t.waitFor("Pulling busybox:latest…", 60_000);
        await t.waitFor(/Pulling busybox:latest: 1 layer, [\d.]+ [kM]?B of [\d.]+ [kM]?B/, 60_000);
        await t.waitFor("docker-tutor ›", 60_000);
        expect(t.text).not.toContain("Missing images");
        t.line("quit");
        expect(await t.exit()).toBe(0);
      } finally {
        t.kill();
      }
    });
    // The engine has it now, and got it from the mirror.
    await engine.docker(["image", "inspect", "busybox:latest"]);
    expect(await engine.manifestRequests()).toContain("library/busybox");
  });

  it("sees a pull the learner makes during a step, by the image's reference", async () => {
    const docker = new Dockerode({ host: new URL(engine.host).hostname, port: 2375 });
    const ctx = createCheckContext({
      docker: docker as never,
      workdir: tutorHome,
      resources: emptyResources(),
      images: ["busybox:latest", "busybox:1.36"],
      engineHost: engine.host,
    });
    const stepBegan = (await engineClock(docker as never, engine.host)).now;
    const { checks } = parseCheckList([
      { happened: { action: "pull", image: "busybox" } },
      { not: { happened: { action: "pull", image: "busybox:1.36" } } },
    ]);
    const before = await evaluateChecks(checks, ctx, { stepBegan });
    expect(before.map((r) => [r.passed, r.message])).toEqual([
      [
        false,
        "image busybox has had no event since this step began; expected the event pull of image busybox",
      ],
      [true, "image busybox:1.36 has had no event since this step began"],
    ]);
    await engine.docker(["pull", "busybox"]);
    const after = await evaluateChecks(checks, ctx, { stepBegan });
    expect(after.map((r) => [r.passed, r.message])).toEqual([
      [true, "during the step, the engine reported the event pull of image busybox"],
      [true, "image busybox:1.36 has had no event since this step began"],
    ]);
  });

  it("names an image no registry has, with how to provide it, and the lesson can still be read", async () => {
    await withHome(async (home) => {
      const t = start(home, ["absent-image"], {
        DOCKER_TUTOR_PACKS: `${fixturePacks}/missing-image`,
        DOCKER_TUTOR_TRUST: "1",
      });
      try {
        await t.waitFor("This step can be read without the image.");
        t.write(keys.enter);
        await t.waitFor("step 2/2");
        await t.waitFor("Missing images: tutor-absent-image:1. No registry could provide them.", 30_000);
        await t.waitFor("docker-tutor ›");
        t.line("quit");
        expect(await t.exit()).toBe(0);
      } finally {
        t.kill();
      }
    });
    // The mirror was asked first, and could not provide it.
    expect(await engine.manifestRequests()).toContain("library/tutor-absent-image");
  });
});
