/**
 * A pack that claims the learner's own names (postgres, pgdata, compose project myapp, myorg/prod-api,
 * python) and a solution that removes what it does not own. Real foreign resources with exactly those
 * names were there first: check, the tutor, reset, reset --all and verify must leave every one as it
 * was, and never exec inside one. The engine's event stream is the witness.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { recordFigure } from "../support/figures.js";
import { fixturePacks } from "../support/paths.js";
import { TerminalSession } from "../support/pty.js";

const run = promisify(execFile);
const docker = (...args: string[]) => run("docker", args);
const pack = path.join(fixturePacks, "claims-theirs");
const label = `${testLabel}=hostile-packs`;

/** The learner's own things, named exactly as the pack claims them. */
const theirs = {
  containers: ["postgres", "myapp-web-1"],
  volumes: ["pgdata", "myapp_data"],
  networks: ["myapp_default"],
  images: ["myorg/prod-api:1.0"],
};
/** Stand-in images the lessons use: claimed by the pack (`python`), they must survive too. */
const sharedImages = ["python:3.11-slim", "busybox:latest"];

let home: string;
let work: string;
let since: string;
let attempts = 0;

async function exists(kind: "container" | "volume" | "network" | "image", name: string): Promise<boolean> {
  return docker(kind, "inspect", name).then(
    () => true,
    () => false,
  );
}

/** Refuses to run rather than touch a real resource of the same name that is not this test's. */
async function ensureFree(): Promise<void> {
  for (const [kind, names] of [
    ["container", theirs.containers],
    ["volume", theirs.volumes],
    ["network", theirs.networks],
  ] as const) {
    for (const name of names) {
      if (!(await exists(kind, name))) continue;
      const { stdout } = await docker(
        kind,
        "inspect",
        "--format",
        `{{ index .${kind === "container" ? "Config.Labels" : "Labels"} "${testLabel}" }}`,
        name,
      );
      if (stdout.trim() !== "hostile-packs")
        throw new Error(`${kind} ${name} exists and is not this test's: not touching it`);
    }
  }
}

async function removeOurs(): Promise<void> {
  await docker("rm", "-f", ...theirs.containers).catch(() => undefined);
  await docker("volume", "rm", "-f", ...theirs.volumes).catch(() => undefined);
  await docker("network", "rm", ...theirs.networks).catch(() => undefined);
  await docker("rmi", ...theirs.images).catch(() => undefined);
}

beforeAll(async () => {
  await requireEngine();
  await ensureFree();
  await removeOurs();
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-hostile-packs-"));
  work = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-hostile-packs-work-"));
  const compose = (service: string) => [
    "--label",
    `com.docker.compose.project=myapp`,
    "--label",
    `com.docker.compose.service=${service}`,
  ];
  await docker("volume", "create", "--label", label, "pgdata");
  await docker("volume", "create", "--label", label, ...compose("data").slice(0, 2), "myapp_data");
  await docker("network", "create", "--label", label, ...compose("net").slice(0, 2), "myapp_default");
  await docker(
    "run",
    "-d",
    "--name",
    "postgres",
    "--label",
    label,
    "-v",
    "pgdata:/var/lib/data",
    "busybox:latest",
    "sleep",
    "600",
  );
  await docker(
    "run",
    "-d",
    "--name",
    "myapp-web-1",
    "--label",
    label,
    ...compose("web"),
    "--network",
    "myapp_default",
    "-v",
    "myapp_data:/data",
    "busybox:latest",
    "sleep",
    "600",
  );
  await docker("tag", "busybox:latest", "myorg/prod-api:1.0");
  // The engine's clock: events from here on are what the tutor did.
  since = (await docker("info", "--format", "{{ .SystemTime }}")).stdout.trim();
});

afterAll(async () => {
  await removeOurs();
  await rm(home, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  attempts++;
  const result = await runCli(args, {
    env: { DOCKER_TUTOR_HOME: home, DOCKER_TUTOR_PACKS: pack },
    cwd: work,
  });
  expect(result.stderr, args.join(" ")).not.toMatch(stackTrace);
  return result;
}

describe("a pack that claims the learner's names", () => {
  it("looks but runs nothing inside the learner's postgres (check)", async () => {
    const result = await cli(["check", "claims/look-inside", "--yes", "--workdir", work]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "✖ container postgres was there before this lesson started, so no command is run in it",
    );
    expect(result.stdout).toContain("✔ volume pgdata exists");
  });

  it("runs nothing inside it from the tutor either, when the step opens", async () => {
    attempts++;
    const t = new TerminalSession(["start", "claims", "--yes", "--workdir", work], {
      cwd: work,
      env: { DOCKER_TUTOR_HOME: home, DOCKER_TUTOR_PACKS: pack },
    });
    try {
      await t.waitFor("docker-tutor ›");
      t.line("check");
      await t.waitFor("was there before this lesson started");
      t.line("quit");
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
  });

  it("keeps every one of them through reset and reset --all, and says so", async () => {
    const one = await cli(["reset", "claims", "--yes", "--workdir", work]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("kept: container postgres (it was there before this lesson)");
    expect(one.stdout).toContain("kept: volume pgdata (it was there before this lesson)");
    expect(one.stdout).toContain("kept: image myorg/prod-api:1.0 (it was there before this lesson)");
    const all = await cli(["reset", "--all", "--yes", "--workdir", work]);
    expect(all.code).toBe(0);
  });

  it("is refused by verify, lesson by lesson, with the reason, and no solution runs", async () => {
    const result = await cli(["verify", pack, "--yes", "--json"]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.lessons.map((l: { id: string; refused?: string }) => [l.id, l.refused])).toEqual([
      [
        "claims",
        expect.stringMatching(
          /^container myapp-web-1, container postgres, .* have the lesson's names but were there before/,
        ),
      ],
      ["destroys", "it does not lint clean (2 errors): run `docker-tutor lint` on its pack"],
    ]);
  });

  it("left every foreign resource as it was, and never entered one", async () => {
    let touched = 0;
    for (const name of theirs.containers) if (!(await exists("container", name))) touched++;
    for (const name of theirs.volumes) if (!(await exists("volume", name))) touched++;
    for (const name of theirs.networks) if (!(await exists("network", name))) touched++;
    for (const name of [...theirs.images, ...sharedImages]) if (!(await exists("image", name))) touched++;
    const until = (await docker("info", "--format", "{{ .SystemTime }}")).stdout.trim();
    const { stdout } = await docker(
      "events",
      "--since",
      since,
      "--until",
      until,
      "--format",
      "{{ .Type }} {{ .Action }} {{ .Actor.Attributes.name }}",
    );
    const onTheirs = stdout
      .split("\n")
      .filter((line) => theirs.containers.some((name) => line.endsWith(` ${name}`)))
      .filter((line) => !/ (attach|resize)/.test(line));
    expect(onTheirs).toEqual([]);
    const { stdout: running } = await docker(
      "inspect",
      "--format",
      "{{ .State.Running }}",
      ...theirs.containers,
    );
    expect(running.trim().split("\n")).toEqual(["true", "true"]);
    const probe = await docker("exec", "postgres", "ls", "/exec-ran-here").then(
      () => "found",
      () => "absent",
    );
    expect(probe).toBe("absent");
    expect(touched).toBe(0);
    recordFigure(
      "hostile packs",
      `${attempts} runs of a pack claiming the learner's names: foreign resources touched ${touched}`,
    );
  });
});
