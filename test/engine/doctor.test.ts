import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace } from "../support/cli.js";
import { requireEngine } from "../support/engine.js";
import { cliPath, fixturePacks } from "../support/paths.js";

let scratch: string;
beforeAll(async () => {
  await requireEngine();
  scratch = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-doctor-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("doctor", () => {
  it("exits 0 with the engine up, and reports its versions", async () => {
    const result = await runCli(["doctor", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.engine).toMatchObject({ reachable: true });
    expect(report.engine.apiVersion).toMatch(/^1\.\d+$/);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining([
        "Docker engine",
        "docker CLI",
        "compose command",
        "lesson images",
        "free disk",
      ]),
    );
  });

  it("says which builder and which compose this engine's learners get", async () => {
    const report = JSON.parse((await runCli(["doctor", "--json"])).stdout);
    // The matrix (scripts/test.sh): Docker 20.10 with docker-compose v1 and the classic builder, then
    // Docker 28 with the compose v2 plugin and BuildKit.
    if (process.env.DOCKER_TUTOR_ENGINE_NAME === "docker28") {
      expect(report.engine).toMatchObject({ builder: "buildkit", compose: { command: "docker compose" } });
      expect(report.engine.compose.version).toMatch(/^2\./);
      expect(report.engine.apiVersion).toBe("1.51");
    } else {
      expect(report.engine).toMatchObject({ builder: "classic", compose: { command: "docker-compose" } });
      expect(report.engine.compose.version).toMatch(/^1\./);
    }
    const text = await runCli(["doctor"]);
    expect(text.stdout).toMatch(/^✔ image builder: (BuildKit \(docker buildx\)|the classic builder)/m);
  });

  it("names the lessons this engine cannot fully run, with what they need", async () => {
    const result = await runCli(["--pack", path.join(fixturePacks, "tutor-steps"), "doctor", "--json"]);
    const check = JSON.parse(result.stdout).checks.find(
      (c: { name: string }) => c.name === "what lessons need",
    );
    expect(check).toMatchObject({ ok: false, level: "warning" });
    expect(check.detail).toMatch(
      // The built-in pack's lessons that need more come first where this engine lacks it (Compose v2 and
      // BuildKit on the base engine; Docker 28 has both).
      /^this engine cannot run all of (compose-by-hand \(needs Compose v2 \(here: docker-compose 1\.[\d.]+\)\), building-well \(needs BuildKit \(docker build here uses the classic builder: install docker-buildx\)\), )?needs \(needs API 1\.99 or newer \(this engine has 1\.\d+\)/,
    );
    expect(result.code).toBe(0);
  });

  it("exits 1 with a one-line fix when DOCKER_HOST points where nothing listens", async () => {
    const result = await runCli(["doctor"], { env: { DOCKER_HOST: `unix://${scratch}/nothing.sock` } });
    expect(result.code).toBe(1);
    const line = result.stdout.split("\n").find((l) => l.includes("Docker engine"));
    expect(line).toBe(
      `✖ Docker engine: no Docker engine socket at ${scratch}/nothing.sock (from DOCKER_HOST) — start Docker (Docker Desktop, colima, or \`sudo systemctl start docker\`), or point DOCKER_HOST at a running engine`,
    );
    expect(result.stdout + result.stderr).not.toMatch(stackTrace);
  });

  it("says nothing answers when a socket exists but refuses, and does not hang on one that never answers", async () => {
    const silent = path.join(scratch, "silent.sock");
    const server = net.createServer(() => {
      /* accept and never answer */
    });
    await new Promise<void>((resolve) => server.listen(silent, resolve));
    try {
      const result = await runCli(["doctor", "--json"], { env: { DOCKER_HOST: `unix://${silent}` } });
      expect(result.code).toBe(1);
      const engine = JSON.parse(result.stdout).checks[0];
      expect(engine).toMatchObject({
        ok: false,
        detail: `the engine at ${silent} (from DOCKER_HOST) did not answer in time`,
      });
    } finally {
      server.close();
    }
  });

  it("gives the group fix when the socket denies access", async () => {
    // Root is never denied by file permissions, so as root the CLI runs as nobody against the real socket;
    // otherwise against a socket of ours that nobody may open.
    let result: { code: number | null; stdout: string };
    if (process.getuid?.() === 0) {
      result = await runCliAs("nobody", ["doctor", "--json"]);
    } else {
      const locked = path.join(scratch, "locked.sock");
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(locked, resolve));
      await chmod(locked, 0);
      result = await runCli(["doctor", "--json"], { env: { DOCKER_HOST: `unix://${locked}` } });
      server.close();
    }
    const engine = JSON.parse(result.stdout).checks[0];
    expect(engine.detail).toMatch(/^permission denied on /);
    expect(engine.fix).toBe(
      "add yourself to the docker group: `sudo usermod -aG docker $USER`, then log out and back in",
    );
    expect(result.code).toBe(1);
  });
});

function runCliAs(user: string, args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("runuser", ["-u", user, "--", process.execPath, cliPath, ...args], {
      env: { PATH: process.env.PATH, HOME: "/tmp", NO_COLOR: "1" },
      cwd: "/tmp",
    });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}
