/**
 * `verify --watch` on the real engine: a save re-verifies the lesson whose file changed (pack.yaml the
 * --lesson one); a save during a run cancels it, says so, cleans up and runs anew; Ctrl+C cleans up too.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stackTrace, startCli } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { TestResources } from "../support/resources.js";

// dockerode reads DOCKER_HOST as the tutor does: the matrix runs these tests on each engine.
const docker = new Dockerode();
const packId = `tutor-vwatch-${process.pid}`;
const names = { "quick-a": `${packId}-a`, "quick-b": `${packId}-b`, slow: `${packId}-slow` };
const resources = new TestResources(docker, "verify-watch");
for (const name of Object.values(names)) resources.track("containers", name);
const label = `--label ${testLabel}=${resources.labelValue}`;
let root: string;
let pack: string;
let env: NodeJS.ProcessEnv;

function lessonFile(id: keyof typeof names, solution: string): string {
  const name = names[id];
  return `---
id: ${id}
title: Lesson ${id}
summary: A lesson for verify --watch.
level: beginner
minutes: 1
images: [busybox:latest]
resources:
  containers: [${name}]
---

A lesson for verify --watch.

## Make it {#make}

Make a container named \`${name}\` from \`busybox:latest\`.

\`\`\`check
- container: ${name}
\`\`\`

\`\`\`hint
\`docker run --name ${name} busybox:latest true\`
\`\`\`

\`\`\`solution
${solution}
\`\`\`
`;
}

beforeAll(async () => {
  await requireEngine();
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-verify-watch-"));
  pack = path.join(root, "pack");
  env = { DOCKER_TUTOR_HOME: path.join(root, "home"), XDG_CACHE_HOME: path.join(root, "cache"), LANG: "C" };
  await mkdir(pack);
  await writeFile(
    path.join(pack, "pack.yaml"),
    `id: ${packId}\ntitle: {en: Watched}\nversion: 1.0.0\nlessons: [quick-a.md, quick-b.md, slow.md]\n`,
  );
  for (const id of ["quick-a", "quick-b"] as const)
    await writeFile(
      path.join(pack, `${id}.md`),
      lessonFile(id, `docker run --name ${names[id]} ${label} busybox:latest true`),
    );
  // The solution starts the container, then takes its time: long enough to be saved over.
  await writeFile(
    path.join(pack, "slow.md"),
    lessonFile("slow", `docker run -d --name ${names.slow} ${label} busybox:latest sleep 300\nsleep 120`),
  );
});
afterAll(async () => {
  await resources.removeAll();
  await rm(root, { recursive: true, force: true });
});

/** `verify --watch` of the pack, its output read as it comes. */
const watch = (args: string[]) =>
  startCli(["verify", "pack", "--watch", "--yes", "--check-wait", "5", ...args], { cwd: root, env });

const exists = (name: string) =>
  docker
    .getContainer(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );

describe("docker-tutor verify --watch", () => {
  it("re-verifies the lesson whose file was saved, and the --lesson one when pack.yaml was", async () => {
    const w = watch(["--lesson", "quick-a"]);
    try {
      await w.until("· verifying quick-a ──");
      await w.until("verify: 1 lesson(s), 1 step(s), 0 failure(s)");
      await w.until("Watching pack: save a file to verify again; Ctrl+C to leave.");

      await appendFile(path.join(pack, "quick-b.md"), "\nSaved.\n");
      await w.until("· verifying quick-b (pack/quick-b.md changed) ──");
      await w.until(`${packId}/quick-b`);
      await w.until("verify: 1 lesson(s), 1 step(s), 0 failure(s)");

      await appendFile(path.join(pack, "pack.yaml"), "# saved\n");
      await w.until("· verifying quick-a (pack/pack.yaml changed) ──");
      await w.until("verify: 1 lesson(s), 1 step(s), 0 failure(s)");
      await w.until("Watching pack");
      expect(await w.interrupt()).toBe(0);
      expect(w.stdout + w.stderr).not.toMatch(stackTrace);
      expect(await exists(names["quick-a"])).toBe(false);
      expect(await exists(names["quick-b"])).toBe(false);
    } finally {
      w.kill();
    }
  });

  it("cancels a run that a save makes stale, cleans up, runs anew, and cleans up on Ctrl+C", async () => {
    const w = watch(["--lesson", "slow"]);
    try {
      await w.until("· verifying slow ──");
      // The solution is under way once its container is there.
      for (let i = 0; i < 300 && !(await exists(names.slow)); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await exists(names.slow)).toBe(true);

      await appendFile(path.join(pack, "slow.md"), "\nSaved during the run.\n");
      await w.until("pack/slow.md changed: cancelling the run of slow, stale now (it cleans up first)");
      await w.until("■ cancelled during make after");
      await w.until("cleaned up, nothing left behind");
      await w.until("· verifying slow (pack/slow.md changed) ──");
      for (let i = 0; i < 300 && !(await exists(names.slow)); i++)
        await new Promise((r) => setTimeout(r, 50));

      expect(await w.interrupt()).toBe(0);
      expect(w.stdout).toMatch(/■ cancelled during make after [\d.]+s; cleaned up, nothing left behind\n$/);
      expect(w.stdout + w.stderr).not.toMatch(stackTrace);
      expect(await exists(names.slow)).toBe(false);
    } finally {
      w.kill();
    }
  });
});
