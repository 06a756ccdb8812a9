import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireEngine, testLabel } from "../support/engine.js";
import { repoRoot } from "../support/paths.js";
import { keys, TerminalSession } from "../support/pty.js";

const run = promisify(execFile);
const tag = `tutor-test-image-docker-tutor:${process.pid}`;

beforeAll(async () => {
  await requireEngine();
  // The build context is dist/ (built by `npm test` first), lessons/ and package.json; the base
  // images are real where a registry answers and offline stand-ins otherwise (scripts/standins.sh).
  await run("docker", ["build", "-q", "--label", `${testLabel}=dockerfile`, "-t", tag, "."], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
}, 300_000);

afterAll(async () => {
  await run("docker", ["rmi", "-f", tag]).catch(() => undefined);
});

const socket = ["-v", "/var/run/docker.sock:/var/run/docker.sock"];

describe("the project's Dockerfile", () => {
  it("gives an image whose entry point is the tutor", async () => {
    const { stdout } = await run("docker", ["run", "--rm", tag, "--version"]);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("lists the built-in lessons with no node_modules inside", async () => {
    const { stdout } = await run("docker", ["run", "--rm", tag, "list", "--json"]);
    const ids = JSON.parse(stdout).lessons.map((l: { id: string }) => l.id);
    expect(ids).toContain("what-is-docker");
    const ls = await run("docker", ["run", "--rm", "--entrypoint", "ls", tag, "/opt/docker-tutor"]);
    expect(ls.stdout.split("\n")).not.toContain("node_modules");
  });

  it("reaches the host's engine through the mounted socket, with a docker client inside", async () => {
    const { stdout } = await run("docker", ["run", "--rm", ...socket, tag, "doctor", "--json"]).catch(
      (error: { stdout: string }) => error,
    );
    const report = JSON.parse(stdout);
    expect(report.engine).toMatchObject({ reachable: true, host: "unix:///var/run/docker.sock" });
    expect(report.checks.find((c: { name: string }) => c.name === "docker CLI")).toMatchObject({
      ok: true,
      detail: "/usr/local/bin/docker",
    });
    // The compose lesson and BuildKit builds can be done from the container.
    expect(report.engine).toMatchObject({ builder: "buildkit", compose: { command: "docker compose" } });
    expect(report.engine.compose.version).toMatch(/^2\./);
  });

  it("runs the interactive tutor with `docker run -it ... start`", async () => {
    const t = new TerminalSession([], {
      cwd: repoRoot,
      env: {},
      command: [
        "docker",
        "run",
        "-it",
        "--rm",
        "--label",
        `${testLabel}=dockerfile`,
        ...socket,
        tag,
        "start",
      ],
    });
    try {
      await t.waitFor("Choose a lesson", 30_000);
      await t.waitFor("What Docker is");
      t.write(keys.ctrlC);
      await t.waitFor("Progress saved.");
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
  });
});
