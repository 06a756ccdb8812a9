import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { resumeAt } from "../support/progress.js";
import { startLessons } from "../support/provenance.js";

const run = promisify(execFile);
const docker = (args: string[]) => run("docker", args);
const label = ["--label", `${testLabel}=reset`];

// Names that look like the lessons' own but are not declared by any lesson: reset must leave them be.
const foreign = {
  containers: ["tutor-web-mine", "tutor-hello-mine", "tutor_hello", "my-web", "tutor-compose-web-mine"],
  volumes: ["tutor-data-mine", "tutor-compose_data-mine", "my-data"],
  networks: ["tutor-net-mine", "tutor-compose_backend-mine", "my-net"],
  images: ["tutor-box-mine:1", "tutor-hello:2", "tutor-pyapp-mine:1", "tutor-compose-webx:1"],
};
// What the built-in lessons own.
const owned = {
  containers: ["tutor-hello", "tutor-ticker"],
  volumes: ["tutor-data"],
  networks: ["tutor-net"],
  images: ["tutor-box:1", "tutor-hello:1"],
};

let home: string;
let work: string;

async function exists(kind: "container" | "volume" | "network" | "image", name: string): Promise<boolean> {
  return docker([kind, "inspect", name]).then(
    () => true,
    () => false,
  );
}

async function removeAll(): Promise<void> {
  const all = { containers: [...foreign.containers, ...owned.containers] };
  await docker(["rm", "-f", ...all.containers]).catch(() => undefined);
  await docker(["volume", "rm", "-f", ...foreign.volumes, ...owned.volumes]).catch(() => undefined);
  for (const n of [...foreign.networks, ...owned.networks])
    await docker(["network", "rm", n]).catch(() => undefined);
  await docker(["rmi", ...foreign.images, ...owned.images]).catch(() => undefined);
}

beforeAll(async () => {
  await requireEngine();
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-reset-home-"));
  work = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-reset-work-"));
  await removeAll();
  // The learner starts the lessons, then makes things: what came after the start is the lessons'.
  await startLessons(home);
  for (const name of [...foreign.containers, ...owned.containers]) {
    await docker(["create", "--name", name, ...label, "busybox:latest", "true"]);
  }
  // A compose-labelled container of another project: the compose lesson owns only tutor-compose.
  await docker(["rm", "-f", "tutor-compose-web-mine"]);
  await docker([
    "create",
    "--name",
    "tutor-compose-web-mine",
    ...label,
    "--label",
    "com.docker.compose.project=tutor-composer",
    "busybox:latest",
    "true",
  ]);
  for (const name of [...foreign.volumes, ...owned.volumes])
    await docker(["volume", "create", ...label, name]);
  for (const name of [...foreign.networks, ...owned.networks])
    await docker(["network", "create", ...label, name]);
  for (const name of [...foreign.images, ...owned.images]) await docker(["tag", "busybox:latest", name]);
  await mkdir(path.join(work, "containers"), { recursive: true });
  await writeFile(path.join(work, "containers", "notes.txt"), "the learner's notes");
  await resumeAt(home, "containers", "exec");
});

afterAll(async () => {
  await removeAll();
  await rm(home, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe("reset", () => {
  it("asks before removing, and refuses to guess without a terminal", async () => {
    const result = await runCli(["reset", "--all", "--workdir", work], { env: { DOCKER_TUTOR_HOME: home } });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("This removes, for what-is-docker, containers, images");
    expect(result.stdout).toContain("  container tutor-hello\n");
    expect(result.stderr).toBe(
      "docker-tutor: reset needs your confirmation — run it in a terminal, or add --yes\n",
    );
    expect(await exists("container", "tutor-hello")).toBe(true);
  });

  it("removes what the lessons own and their folders, and leaves every look-alike intact", async () => {
    const result = await runCli(["reset", "--all", "--yes", "--workdir", work], {
      env: { DOCKER_TUTOR_HOME: home },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const name of owned.containers) expect(await exists("container", name), name).toBe(false);
    for (const name of owned.volumes) expect(await exists("volume", name), name).toBe(false);
    for (const name of owned.networks) expect(await exists("network", name), name).toBe(false);
    for (const name of owned.images) expect(await exists("image", name), name).toBe(false);
    for (const name of foreign.containers) expect(await exists("container", name), name).toBe(true);
    for (const name of foreign.volumes) expect(await exists("volume", name), name).toBe(true);
    for (const name of foreign.networks) expect(await exists("network", name), name).toBe(true);
    for (const name of foreign.images) expect(await exists("image", name), name).toBe(true);
    expect(await exists("image", "busybox:latest")).toBe(true);
    expect(result.stdout).toContain(`  folder ${path.join(work, "containers")}`);
    const progress = JSON.parse(await readFile(path.join(home, "progress.json"), "utf8"));
    expect(progress.packs["docker-basics"].lessons).toEqual({});
    const again = await runCli(["reset", "--all", "--yes", "--workdir", work], {
      env: { DOCKER_TUTOR_HOME: home },
    });
    expect(again.stdout).toMatch(/^Nothing to remove for /);
  });

  it("says which lesson names exist when given an unknown one", async () => {
    const result = await runCli(["reset", "contaners", "--yes"], { env: { DOCKER_TUTOR_HOME: home } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^docker-tutor: no lesson "contaners" — pick one of: what-is-docker, containers, /,
    );
  });

  it("keeps what has a lesson's name but was there before the lesson started, and says so", async () => {
    const before = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-reset-before-"));
    try {
      await docker(["create", "--name", "tutor-hello", ...label, "busybox:latest", "true"]);
      await docker(["volume", "create", ...label, "tutor-data"]);
      await docker(["tag", "busybox:latest", "tutor-box:1"]);
      await startLessons(before);
      const result = await runCli(["reset", "--all", "--yes"], { env: { DOCKER_TUTOR_HOME: before } });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("  kept: container tutor-hello (it was there before this lesson)\n");
      expect(result.stdout).toContain("  kept: volume tutor-data (it was there before this lesson)\n");
      expect(result.stdout).toContain("  kept: image tutor-box:1 (it was there before this lesson)\n");
      expect(await exists("container", "tutor-hello")).toBe(true);
      expect(await exists("volume", "tutor-data")).toBe(true);
      expect(await exists("image", "tutor-box:1")).toBe(true);
      // Never started on this engine: nothing is the lesson's, whatever its name.
      const never = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-reset-never-"));
      const untouched = await runCli(["reset", "what-is-docker", "--yes"], {
        env: { DOCKER_TUTOR_HOME: never },
      });
      expect(untouched.stdout).toBe(
        "Nothing to remove for what-is-docker.\n  kept: container tutor-hello (it was there before this lesson)\n",
      );
      expect(await exists("container", "tutor-hello")).toBe(true);
      await rm(never, { recursive: true, force: true });
    } finally {
      await removeAll();
      await rm(before, { recursive: true, force: true });
    }
  });
});
