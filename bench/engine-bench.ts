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
import { createCheckContext } from "../src/checks/context.js";
import { evaluateChecks } from "../src/checks/evaluate.js";
import { parseCheckList } from "../src/checks/parse.js";
import { loadPack } from "../src/lessons/load-pack.js";

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
