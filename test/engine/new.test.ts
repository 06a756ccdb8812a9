/**
 * A scaffolded pack proves itself as written: `verify` runs every task of `new pack` and `new lesson`
 * (its check fails before the solution and passes after it) and leaves nothing behind.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace } from "../support/cli.js";
import { requireEngine } from "../support/engine.js";
import { TestResources } from "../support/resources.js";

// dockerode reads DOCKER_HOST as the tutor does: the matrix runs these tests on each engine.
const docker = new Dockerode();
/** The pack's id, so the containers its lessons own are this run's alone: `<id>-<lesson>`. */
const packId = `tutor-new-${process.pid}`;
const lessons = ["first-lesson", "second"];
// The solutions make the containers (unlabelled: they are the scaffold's as written); verify removes
// them, and this removes them by name should a run stop halfway.
const created = new TestResources(docker, "new");
for (const lesson of lessons) created.track("containers", `${packId}-${lesson}`);
let root: string;

beforeAll(async () => {
  await requireEngine();
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-new-engine-"));
});
afterAll(async () => {
  await created.removeAll();
  await rm(root, { recursive: true, force: true });
});

interface VerifyJson {
  ok: boolean;
  lessons: {
    id: string;
    leftovers: string[];
    steps: {
      id: string;
      kind: string;
      negative: string;
      solution: string;
      positive: string;
      failure?: string;
    }[];
  }[];
}

describe("a scaffolded pack", () => {
  it("verifies: every check fails before its solution and passes after it, and nothing is left", async () => {
    const env = { DOCKER_TUTOR_HOME: path.join(root, "home"), XDG_CACHE_HOME: path.join(root, "cache") };
    const pack = path.join(root, "pack");
    expect(await runCli(["new", "pack", pack, "--id", packId], { env })).toMatchObject({ code: 0 });
    expect(await runCli(["new", "lesson", "second", "--pack", pack], { env })).toMatchObject({ code: 0 });

    const result = await runCli(["verify", pack, "--yes", "--json"], { env });
    expect(result.stderr).not.toMatch(stackTrace);
    const report = JSON.parse(result.stdout) as VerifyJson;
    expect(
      report.lessons.map((l) => ({
        id: l.id,
        leftovers: l.leftovers,
        steps: l.steps.map((s) =>
          [s.id, s.kind, s.negative, s.solution, s.positive, s.failure ?? ""].join(" ").trim(),
        ),
      })),
    ).toEqual(
      lessons.map((id) => ({
        id,
        leftovers: [],
        steps: [
          "about read n/a n/a n/a",
          "quiz quiz n/a n/a pass",
          "run-a-container task failed-as-expected ok pass",
        ],
      })),
    );
    expect(report.ok).toBe(true);
    expect(result.code).toBe(0);

    // verify cleaned up after itself: no container of this pack is left on the engine.
    const left = await docker.listContainers({ all: true, filters: { name: [packId] } });
    expect(left.flatMap((c) => c.Names)).toEqual([]);
  });
});
