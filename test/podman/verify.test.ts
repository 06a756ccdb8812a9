/**
 * The built-in pack on Podman (scripts/podman.sh ensure starts it and writes .tmp/podman.env): every
 * step passes, except those a lesson declares as needing Docker, which are skipped with Podman's
 * reason and never called passed. Fails, never skips, when Podman does not answer.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { probeEngine } from "../../src/engine/client.js";
import { discoverEngine } from "../../src/engine/discover.js";
import { loadPack } from "../../src/pack/load-pack.js";
import { runCli } from "../support/cli.js";
import { repoRoot } from "../support/paths.js";

const envFile = path.join(repoRoot, ".tmp", "podman.env");
const junit = path.join(repoRoot, ".tmp", "verify-builtin-podman.xml");
// verify's own markers, kept between runs beside Podman's storage (podman.env names the folder): a run
// cut off half-way is cleaned up by the next one.
const fallbackHome = path.join(repoRoot, ".tmp", "podman-home");
const podmanReason = "needs Docker itself (Podman's compatible API cannot do this step)";

interface StepJson {
  id: string;
  kind: string;
  negative: string;
  solution: string;
  positive: string;
  failure?: string;
  engineError?: boolean;
  skipped?: string;
}
interface LessonJson {
  id: string;
  ok: boolean;
  refused?: string;
  leftovers: string[];
  steps: StepJson[];
}

let env: NodeJS.ProcessEnv;

/** KEY=value lines, as scripts/podman.sh writes them. */
async function podmanEnv(): Promise<Record<string, string>> {
  const text = await readFile(envFile, "utf8").catch(() => {
    throw new Error(`${envFile} is missing: run \`bash scripts/podman.sh ensure\` first`);
  });
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

beforeAll(async () => {
  const fromScript = await podmanEnv();
  const home = fromScript.DOCKER_TUTOR_HOME ?? fallbackHome;
  await mkdir(home, { recursive: true });
  env = { ...fromScript, DOCKER_TUTOR_HOME: home };
  const target = await discoverEngine({ ...process.env, ...env });
  const probe = await probeEngine(target, 10_000);
  if (!probe.ok)
    throw new Error(
      `Podman does not answer at ${target.host} (${probe.failure.message}); run \`bash scripts/podman.sh ensure\``,
    );
  if (!probe.info.podman)
    throw new Error(
      `${target.host} answers as Docker ${probe.info.version}, not as Podman: check ${envFile}`,
    );
});

/** `lesson/step` of every step the built-in lessons declare as needing Docker (`engine: {docker: [...]}`). */
async function declaredDockerOnly(): Promise<string[]> {
  const { pack } = await loadPack(path.join(repoRoot, "lessons"));
  return (pack?.lessons ?? []).flatMap((lesson) => {
    const docker = lesson.meta.engine?.docker;
    return Array.isArray(docker) ? docker.map((step) => `${lesson.id}/${step}`) : [];
  });
}

/** Ids of the built-in lessons that declare `engine: {compose: 2}`, or `engine: {buildkit: true}`. */
async function declaredLessons(need: "compose" | "buildkit"): Promise<string[]> {
  const { pack } = await loadPack(path.join(repoRoot, "lessons"));
  return (pack?.lessons ?? [])
    .filter((lesson) =>
      need === "compose" ? lesson.meta.engine?.compose === 2 : lesson.meta.engine?.buildkit,
    )
    .map((lesson) => lesson.id);
}

describe("verify on Podman", () => {
  it("passes every step of the built-in pack but those declared as needing Docker, which it skips", async () => {
    const result = await runCli(["verify", "--json", "--yes", "--junit", junit], { env });
    const report = JSON.parse(result.stdout) as { ok: boolean; lessons: LessonJson[] };
    const steps = report.lessons.flatMap((l) => l.steps.map((s) => ({ at: `${l.id}/${s.id}`, ...s })));

    expect(report.lessons.filter((l) => l.refused).map((l) => `${l.id}: ${l.refused}`)).toEqual([]);
    expect(steps.filter((s) => s.engineError).map((s) => `${s.at}: ${s.failure}`)).toEqual([]);
    expect(steps.filter((s) => s.failure).map((s) => `${s.at}: ${s.failure}`)).toEqual([]);
    expect(report.lessons.flatMap((l) => l.leftovers)).toEqual([]);

    // A lesson that declares Compose v2 is skipped whole, with that reason: this Podman has docker-compose v1.
    // So is one that declares BuildKit: the docker CLI that talks to this Podman has no buildx plugin.
    const composeV2 = await declaredLessons("compose");
    const buildkit = await declaredLessons("buildkit");
    const lessonOf = (s: { at: string }) => s.at.split("/")[0] ?? "";
    const lessonSkips = steps.filter(
      (s) => composeV2.includes(lessonOf(s)) || buildkit.includes(lessonOf(s)),
    );
    for (const step of lessonSkips)
      expect(`${step.at}: ${step.skipped}`).toMatch(
        composeV2.includes(lessonOf(step)) ? /: needs Compose v2 \(/ : /: needs BuildKit \(/,
      );
    const skipped = steps.filter((s) => s.skipped !== undefined && !lessonSkips.includes(s));
    for (const step of skipped) expect(`${step.at}: ${step.skipped}`).toBe(`${step.at}: ${podmanReason}`);
    // Skipped are exactly the declared steps: none passed on Podman, none skipped without a declaration.
    expect(skipped.map((s) => s.at).sort()).toEqual((await declaredDockerOnly()).sort());
    // A skipped step was never tried: no phase of it ran.
    for (const step of skipped)
      expect([step.negative, step.solution, step.positive]).toEqual(["n/a", "n/a", "n/a"]);

    const tried = steps.filter((s) => s.skipped === undefined);
    for (const task of tried.filter((s) => s.kind === "task"))
      expect(`${task.at}: ${[task.negative, task.solution, task.positive]}`).toBe(
        `${task.at}: failed-as-expected,ok,pass`,
      );
    for (const quiz of tried.filter((s) => s.kind === "quiz"))
      expect(`${quiz.at}: ${quiz.positive}`).toBe(`${quiz.at}: pass`);
    expect(tried.filter((s) => s.kind === "task").length).toBeGreaterThan(30);
    expect(report.ok).toBe(true);
    expect(result.code).toBe(0);

    const xml = await readFile(junit, "utf8");
    expect(xml.match(/<skipped message="([^"]*)"\/>/g)).toHaveLength(skipped.length + lessonSkips.length);
    expect(xml).not.toMatch(/<failure |<error /);
  }, 900_000);
});
