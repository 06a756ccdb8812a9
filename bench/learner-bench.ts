/**
 * Figures as a learner feels them, for `npm run bench` (bundled on the fly by bench/run.mjs): the time
 * from a docker command's exit to the tutor's success line, for a state step and an http step; the time
 * to a "Not yet" after a failing command typed at the prompt; `check`'s time to a failing verdict over
 * a set of failing states; and the tutor's CPU and memory while unrelated containers come and go.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Dockerode from "dockerode";
import { resumeAt } from "../test/support/progress.js";
import { TerminalSession } from "../test/support/pty.js";

const docker = new Dockerode();
const hello = ["run", "--name", "tutor-hello", "busybox", "echo", "Hello from my first container"];
const httpd = (hostPort: number, inside = 80) => [
  "run", "-d", "--name", "tutor-httpd", "-p", `${hostPort}:80`, "busybox", "sh", "-c",
  `mkdir -p /www && echo "<h1>Hello from tutor-httpd</h1>" > /www/index.html && httpd -f -p ${inside} -h /www`,
]; // biome-ignore format: one command line
const remove = (...names: string[]) => spawnSync("docker", ["rm", "-f", ...names], { stdio: "ignore" });

/** Runs `docker ARGS` as a learner in another terminal; resolves at its exit, with that moment. */
function dockerCommand(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("docker", args, { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now()) : reject(new Error(`docker ${args[0]} exited ${code}`)),
    );
  });
}

/**
 * A tutor at LESSON/STEP in a pseudo-terminal, with a home of its own whose pack cache is warm (as after
 * a learner's first run); `close()` ends both.
 */
async function tutorAt(cli: string, lesson: string, step: string) {
  const home = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-learner-"));
  spawnSync(process.execPath, [cli, "list"], {
    env: { ...process.env, DOCKER_TUTOR_HOME: home },
    stdio: "ignore",
  });
  await resumeAt(home, lesson, step);
  const t = new TerminalSession(["start", lesson], { cwd: home, env: { DOCKER_TUTOR_HOME: home }, cli });
  await t.waitFor("docker-tutor ›", 30_000);
  return {
    t,
    // After `quit` the tutor ends by itself: killing it first would leave node-pty writing to a closed pty.
    close: async () => {
      await t.exit(5000).catch(() => t.kill());
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** From the docker command's exit to the success line, `runs` times, going back to the step each time. */
async function advance(cli: string, lesson: string, step: string, done: string, command: string[], names: string[], runs: number) {
  remove(...names);
  const { t, close } = await tutorAt(cli, lesson, step);
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const exited = await dockerCommand(command);
      await t.waitFor(`✔ Done: ${done}`);
      samples.push(performance.now() - exited);
      remove(...names);
      await t.waitFor("docker-tutor ›");
      t.line("back");
      await t.waitFor("docker-tutor ›");
    }
    t.line("quit");
  } finally {
    await close();
    remove(...names);
  }
  return samples;
} // biome-ignore format: one signature

export async function autoAdvance(cli: string, runs: number): Promise<{ stateMs: number[]; httpMs: number[] }> {
  const stateMs = await advance(cli, "what-is-docker", "first-container", "Your first container", hello, ["tutor-hello"], runs);
  const httpMs = await advance(cli, "containers", "publish-port", "Reaching a server inside a container", httpd(8081), ["tutor-httpd"], runs);
  return { stateMs, httpMs };
} // biome-ignore format: one call per step

/**
 * A failing command typed at the tutor's prompt (the wrong host port), from its exit to the "Not yet"
 * line. The line ends with `echo command-$((6*7))`: its output, "command-42", marks the exit on screen
 * (the typed line itself holds no "command-42").
 */
export async function notYet(cli: string, runs: number): Promise<number[]> {
  remove("tutor-httpd");
  const { t, close } = await tutorAt(cli, "containers", "publish-port");
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const command = httpd(8082).map((a) => (a.includes(" ") ? `'${a.replace(/'/g, "'\\''")}'` : a)).join(" ");
      t.line(`docker ${command}; echo command-$((6*7))`);
      await t.waitFor("command-42", 30_000);
      const exited = performance.now();
      await t.waitFor("Not yet");
      samples.push(performance.now() - exited);
      await t.waitFor("docker-tutor ›");
      remove("tutor-httpd");
    }
    t.line("quit");
  } finally {
    await close();
    remove("tutor-httpd");
  }
  return samples;
} // biome-ignore format: one command line

/** `check containers/publish-port` (and the first lesson's task) in states where it must fail. */
export async function failingVerdicts(cli: string): Promise<{ state: string; ms: number }[]> {
  const home = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-verdicts-"));
  const env = { ...process.env, DOCKER_TUTOR_HOME: home, NO_COLOR: "1" };
  const check = (target: string) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, "check", target, "--workdir", home], { env, stdio: "ignore" });
    if (result.status !== 1) throw new Error(`check ${target} exited ${result.status}, expected 1 (failing)`);
    return performance.now() - started;
  };
  const results: { state: string; ms: number }[] = [];
  const state = (name: string, target: string) => results.push({ state: name, ms: check(target) });
  try {
    remove("tutor-httpd", "tutor-hello");
    check("containers/publish-port"); // records the lesson's start; what comes after is the lesson's
    check("what-is-docker/first-container");
    state("first container: none run yet", "what-is-docker/first-container");
    state("http step: no container", "containers/publish-port");
    await dockerCommand(httpd(8082));
    state("http step: wrong host port", "containers/publish-port");
    remove("tutor-httpd");
    await dockerCommand(httpd(8081));
    spawnSync("docker", ["stop", "-t", "0", "tutor-httpd"], { stdio: "ignore" });
    state("http step: container stopped", "containers/publish-port");
    remove("tutor-httpd");
    await dockerCommand(httpd(8081, 8080));
    // Running for longer than the http check's bound: its server is not starting, it listens elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    state("http step: server listens on another port inside", "containers/publish-port");
    remove("tutor-httpd");
    await dockerCommand([...httpd(8081).slice(0, -1), "mkdir -p /www && echo wrong > /www/index.html && httpd -f -p 80 -h /www"]);
    state("http step: wrong page", "containers/publish-port");
  } finally {
    remove("tutor-httpd", "tutor-hello");
    rmSync(home, { recursive: true, force: true });
  }
  return results;
} // biome-ignore format: one command line

/** utime + stime of a process, in seconds (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The tutor at the http step (its watcher cares about every container the lesson owns) while `count`
 * containers of other names start and exit; then the learner does the step, which must still advance.
 */
export async function eventStorm(cli: string, count: number) {
  const label = "org.docker-tutor.test=bench-storm";
  const prefix = `bench-storm-${process.pid}`;
  remove("tutor-httpd");
  const { t, close } = await tutorAt(cli, "containers", "publish-port");
  // Every engine event of the storm, as a watcher without filters would get them.
  const events = (await docker.getEvents({
    filters: { type: ["container", "image", "volume", "network"] },
  })) as NodeJS.ReadableStream;
  let eventCount = 0;
  let counting = false;
  events.on("data", (chunk: Buffer) => {
    if (counting)
      eventCount += chunk
        .toString()
        .split("\n")
        .filter((l) => l.trim()).length;
  });
  try {
    const pid = t.process.pid;
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the tutor settles at its prompt
    const cpuBefore = cpuSeconds(pid);
    counting = true;
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const container = await docker.createContainer({
          name: `${prefix}-${i}`,
          Image: "busybox:latest",
          Cmd: ["true"],
          Labels: { "org.docker-tutor.test": "bench-storm" },
          HostConfig: { AutoRemove: true },
        });
        await container.start();
        await container.wait().catch(() => undefined);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the last events reach the tutor
    counting = false;
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(pid) - cpuBefore;
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    const exited = await dockerCommand(httpd(8081));
    await t.waitFor("✔ Done: Reaching a server inside a container");
    const advancedMs = performance.now() - exited;
    t.line("quit");
    return { cpuSeconds: cpu, peakRssMb, events: eventCount, seconds, advancedMs };
  } finally {
    (events as unknown as { destroy(): void }).destroy();
    await close();
    remove("tutor-httpd");
    const leftovers = spawnSync("docker", ["ps", "-aq", "--filter", `label=${label}`], { encoding: "utf8" });
    const ids = leftovers.stdout.split("\n").filter(Boolean);
    if (ids.length > 0) remove(...ids);
  }
}
