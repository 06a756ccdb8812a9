/**
 * Engine-side figures for `npm run bench`, bundled on the fly by bench/run.mjs:
 * evaluating a step of five checks, and verify against its solutions run as plain shell.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Dockerode from "dockerode";
import { parse } from "yaml";
import { createCheckContext } from "../src/checks/check-context.js";
import { evaluateChecks } from "../src/checks/evaluate.js";
import { parseCheckList } from "../src/checks/parse.js";
import { loadPack } from "../src/pack/load-pack.js";

const pid = process.pid;
const names = {
  container: `tutor-bench-web-${pid}`,
  image: `tutor-bench-image-${pid}:1`,
  volume: `tutor-bench-data-${pid}`,
  network: `tutor-bench-net-${pid}`,
};
const docker = (...args: string[]) =>
  execFileSync("docker", args, { stdio: ["ignore", "pipe", "pipe"] }).toString();

export async function fiveChecks(runs: number): Promise<number[]> {
  const label = "org.docker-tutor.test=bench";
  docker("network", "create", "--label", label, names.network);
  docker("volume", "create", "--label", label, names.volume);
  docker("tag", "busybox:latest", names.image);
  docker("run", "-d", "--name", names.container, "--label", label, "--network", names.network, "-e", "MODE=bench",
    "-v", `${names.volume}:/data`, "-p", "127.0.0.1::80", "busybox:latest", "sleep", "600"); // biome-ignore format: one call
  try {
    const checks = parseCheckList(
      parse(`
- container: ${names.container}
  state: running
  env: { MODE: bench }
  mounts: [{ target: /data, source: ${names.volume} }]
- image: ${names.image}
  cmd: [sh]
- volume: ${names.volume}
  driver: local
- network: ${names.network}
  containers: [${names.container}]
- not:
    container: ${names.container}-absent
`),
    ).checks;
    const ctx = createCheckContext({
      docker: new Dockerode(),
      workdir: os.tmpdir(),
      resources: {
        containers: [names.container, `${names.container}-absent`],
        images: [names.image],
        volumes: [names.volume],
        networks: [names.network],
        projects: [],
      },
      images: ["busybox:latest"],
      engineHost: "unix:///var/run/docker.sock",
    });
    const samples: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const start = performance.now();
      const results = await evaluateChecks(checks, ctx);
      const ms = performance.now() - start;
      if (!results.every((r) => r.passed)) throw new Error(`bench checks failed: ${JSON.stringify(results)}`);
      if (i >= 5) samples.push(ms); // the first runs warm the connection pool and the JIT
    }
    return samples;
  } finally {
    spawnSync("docker", ["rm", "-f", names.container]);
    spawnSync("docker", ["volume", "rm", names.volume]);
    spawnSync("docker", ["network", "rm", names.network]);
    spawnSync("docker", ["rmi", names.image]);
  }
}

/** The built-in pack's solutions, lesson by lesson, as plain bash in fresh working folders. */
export async function plainSolutions(packDir: string, cli: string): Promise<number> {
  const { pack } = await loadPack(packDir);
  if (!pack) throw new Error("the built-in pack does not load");
  const base = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-plain-"));
  const compose =
    spawnSync("docker", ["compose", "version"]).status === 0 ? "docker compose" : "docker-compose";
  let total = 0;
  try {
    for (const lesson of pack.lessons) {
      const dir = path.join(base, lesson.id);
      if (lesson.filesDir) cpSync(lesson.filesDir, dir, { recursive: true });
      else cpSync(os.tmpdir(), dir, { recursive: false, filter: () => false });
      spawnSync("mkdir", ["-p", dir]);
      // The learner starts the lesson (check records its start on this engine): what the solutions make
      // afterwards is the lesson's, so the reset below may remove it.
      spawnSync(process.execPath, [cli, "check", lesson.id, "--json", "--workdir", base], {
        stdio: "ignore",
      });
      const start = performance.now();
      for (const step of lesson.steps) {
        if (!step.solution) continue;
        const run = spawnSync("bash", ["-e", "-c", step.solution.script], {
          cwd: dir,
          env: { ...process.env, DOCKER_TUTOR_COMPOSE: compose },
          stdio: "ignore",
        });
        if (run.status !== 0) throw new Error(`${lesson.id}/${step.id}: the solution exited ${run.status}`);
      }
      total += performance.now() - start;
      // Cleaning up is not part of "the solutions alone".
      spawnSync(process.execPath, [cli, "reset", lesson.id, "--yes", "--workdir", base], { stdio: "ignore" });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return total;
}

/**
 * The interactive tutor, measured as a learner meets it: start-up to the first menu render against
 * `node -e 0` in the same pseudo-terminal, the time from the engine event that completes a step to the
 * success line on screen, and the tutor's peak resident memory over the run.
 */
export async function tutorFigures(
  cli: string,
  runs: number,
): Promise<{
  menuMs: number[];
  nodeMs: number[];
  advanceMs: number[];
  fromDieMs: number[];
  peakRssMb: number;
}> {
  const { TerminalSession } = await import("../test/support/pty.js");
  const { mkdtempSync, writeFileSync, readFileSync } = await import("node:fs");
  const home = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-tutor-"));
  const cwd = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-cwd-"));
  const env = { DOCKER_TUTOR_HOME: home };
  const menuMs: number[] = [];
  const nodeMs: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      // node -e 0 in the same kind of terminal
      const { spawn } = await import("node-pty");
      await new Promise<void>((resolve) => {
        start = performance.now();
        const p = spawn(process.execPath, ["-e", "0"], {
          cols: 110,
          rows: 40,
          cwd,
          env: process.env as Record<string, string>,
        });
        p.onExit(() => resolve());
      });
      nodeMs.push(performance.now() - start);
      start = performance.now();
      const t = new TerminalSession(["start"], { cwd, env, cli });
      await t.waitFor("Choose a lesson");
      menuMs.push(performance.now() - start);
      t.kill();
    }

    // Auto-advance: the tutor waits at the first task; the bench completes it through the API.
    const docker = new Dockerode();
    const now = new Date().toISOString();
    writeFileSync(
      path.join(home, "progress.json"),
      JSON.stringify({
        version: 1,
        packs: {
          "docker-basics": {
            lessons: {
              "what-is-docker": { started: now, updated: now, current: "first-container", steps: {} },
            },
          },
        },
      }),
    );
    spawnSync("docker", ["rm", "-f", "tutor-hello"]);
    const t = new TerminalSession(["start", "what-is-docker"], { cwd, env, cli });
    const advanceMs: number[] = [];
    const fromDieMs: number[] = [];
    let peakKb = 0;
    // Every engine event, timed on arrival: a container's exit ends with its network disconnect, and the
    // engine answers inspect only once that is done, so both the `die` and the last event are reported.
    const events = (await docker.getEvents({
      filters: { type: ["container", "network"] },
    })) as NodeJS.ReadableStream;
    let dieAt = 0;
    let lastAt = 0;
    events.on("data", (chunk: Buffer) => {
      const at = performance.now();
      lastAt = at;
      if (chunk.toString().includes('"die"')) dieAt = at;
    });
    try {
      await t.waitFor("docker-tutor ›");
      for (let i = 0; i < runs; i++) {
        dieAt = 0;
        const container = await docker.createContainer({
          name: "tutor-hello",
          Image: "busybox:latest",
          Cmd: ["echo", "Hello from my first container"],
        });
        await container.start();
        await t.waitFor("✔ Done: Your first container");
        const shownAt = performance.now();
        while (dieAt === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        advanceMs.push(shownAt - lastAt);
        fromDieMs.push(shownAt - dieAt);
        const status = readFileSync(`/proc/${t.process.pid}/status`, "utf8");
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        await container.remove({ force: true });
        await t.waitFor("step 7/7");
        t.line("back");
        await t.waitFor("step 6/7");
        await t.waitFor("docker-tutor ›");
      }
      t.line("quit");
    } finally {
      (events as unknown as { destroy(): void }).destroy();
      t.kill();
      spawnSync("docker", ["rm", "-f", "tutor-hello"]);
    }
    return { menuMs, nodeMs, advanceMs, fromDieMs, peakRssMb: peakKb / 1024 };
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
}
