/**
 * Hostile engines: fake engines on unix sockets that drip, send 2 GB, answer 500, answer non-JSON, claim
 * API 1.12, send garbage bytes or never answer. doctor, check, verify and the tutor each end within 10 s,
 * in one line, with the right exit code, no stack trace and under 200 MB; and an event stream whose headers
 * never come costs the tutor a few seconds, then it polls.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckContext } from "../../src/checks/check-context.js";
import { httpKind } from "../../src/checks/kinds/http.js";
import { emptyResources } from "../../src/world/resources.js";
import { parseAs } from "../support/checks.js";
import { stackTrace } from "../support/cli.js";
import { requireEngine } from "../support/engine.js";
import { recordFigure } from "../support/figures.js";
import {
  type HostileEngine,
  type HostileKind,
  hostileKinds,
  measuredPrefix,
  peakKb,
  runCliMeasured,
  startHostileEngine,
  startStalledEvents,
  timeBinary,
} from "../support/hostile-engine.js";
import { cliPath } from "../support/paths.js";
import { resumeAt } from "../support/progress.js";
import { keys, TerminalSession } from "../support/pty.js";

const withinMs = 10_000;
const underKb = 200 * 1024;

/** What each engine's one line says. */
const said: Record<HostileKind, RegExp> = {
  "drips its headers": /the engine at \S+ \(from DOCKER_HOST\) did not answer in time/,
  "drips its body": /the engine at \S+ \(from DOCKER_HOST\) did not answer in time/,
  "sends 2 GB": /the engine at \S+ \(from DOCKER_HOST\) sent a reply larger than 32 MiB/,
  "answers 500": /the engine at \S+ answered with an error: \(HTTP code 500\) server error/,
  "answers non-JSON": /this is not a Docker engine: \S+ \(from DOCKER_HOST\) answers \/version without/,
  "claims API 1.12": /the engine's API 1\.12 is older than 1\.41 — upgrade Docker/,
  "sends garbage bytes": /this is not a Docker engine: \S+ \(from DOCKER_HOST\) does not answer in HTTP/,
  "never answers": /the engine at \S+ \(from DOCKER_HOST\) did not answer in time/,
  "never opens /events": /./,
};

let dir: string;
let home: string;
let runs = 0;
const figures = {
  engines: new Set<string>(),
  longestMs: 0,
  longestRun: "",
  peakKb: 0,
  peakRun: "",
  quitMs: 0,
};

function note(run: string, ms: number, kb: number): void {
  if (ms > figures.longestMs) Object.assign(figures, { longestMs: ms, longestRun: run });
  if (kb > figures.peakKb) Object.assign(figures, { peakKb: kb, peakRun: run });
}

beforeAll(async () => {
  if (!existsSync(timeBinary))
    throw new Error(`${timeBinary} is missing: install GNU time (Debian: apt-get install time)`);
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-hostile-"));
  home = path.join(dir, "home");
});

afterAll(async () => {
  if (figures.engines.size > 0) {
    recordFigure(
      "hostile engines tried",
      `${figures.engines.size} (${runs} runs of doctor, check, verify, start)`,
    );
    recordFigure(
      "longest time to exit against a hostile engine",
      `${(figures.longestMs / 1000).toFixed(1)} s (${figures.longestRun}); quit to exit at most ${figures.quitMs} ms`,
    );
    recordFigure(
      "peak memory against a hostile engine",
      `${Math.round(figures.peakKb / 1024)} MB (${figures.peakRun})`,
    );
  }
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI against `engine`, checks it ended in time and memory without a stack trace. */
async function cli(engine: HostileEngine, args: string[]) {
  const result = await runCliMeasured(args, {
    env: { DOCKER_HOST: engine.host, DOCKER_TUTOR_HOME: home },
    cwd: dir,
    memoryFile: path.join(dir, "memory"),
    killAfterMs: 30_000,
  });
  runs++;
  figures.engines.add(engine.kind);
  note(`${args[0]}, engine that ${engine.kind}`, result.ms, result.peakKb);
  expect(result.ms, `${args.join(" ")} took ${result.ms} ms`).toBeLessThan(withinMs);
  expect(result.peakKb, `${args.join(" ")} peaked at ${result.peakKb} kB`).toBeLessThan(underKb);
  expect(result.stdout + result.stderr).not.toMatch(stackTrace);
  return result;
}

/** The tutor at lesson 1's task step, in a pseudo-terminal, under GNU time; the learner ends it with `keysToEnd`. */
async function tutor(engine: HostileEngine, keysToEnd: string, waitFirst: RegExp | string) {
  await resumeAt(home, "what-is-docker", "first-container");
  const memoryFile = path.join(dir, "tutor-memory");
  const started = Date.now();
  const t = new TerminalSession([], {
    cwd: dir,
    env: { DOCKER_HOST: engine.host, DOCKER_TUTOR_HOME: home },
    command: [
      ...measuredPrefix(memoryFile),
      process.execPath,
      cliPath,
      "start",
      "what-is-docker",
      "--workdir",
      dir,
    ],
  });
  try {
    const shown = await t.waitFor(waitFirst, withinMs);
    await t.waitFor("docker-tutor ›", withinMs);
    const asked = Date.now();
    t.write(keysToEnd);
    const code = await t.exit(withinMs);
    const quitMs = Date.now() - asked;
    const ms = Date.now() - started;
    const kb = await peakKb(memoryFile);
    runs++;
    figures.engines.add(engine.kind);
    figures.quitMs = Math.max(figures.quitMs, quitMs);
    note(`start, engine that ${engine.kind}`, ms, kb);
    expect(t.text).not.toMatch(stackTrace);
    expect(ms, `the tutor took ${ms} ms`).toBeLessThan(withinMs);
    expect(quitMs, `the tutor took ${quitMs} ms to end after the learner asked`).toBeLessThan(1000);
    expect(kb, `the tutor peaked at ${kb} kB`).toBeLessThan(underKb);
    return { code, shown, text: t.text };
  } finally {
    t.kill();
  }
}

describe.each(hostileKinds)("an engine that %s", (kind) => {
  let engine: HostileEngine;
  beforeAll(async () => {
    engine = await startHostileEngine(kind, dir);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("doctor fails its engine check in one line with its fix, and exits 1", async () => {
    const result = await cli(engine, ["doctor"]);
    expect(result.code).toBe(1);
    const line = result.stdout.split("\n").find((l) => l.startsWith("✖ Docker engine:")) ?? "";
    expect(line).toMatch(said[kind]);
    expect(line).toMatch(/ — \S/);
  });

  it("check says what is wrong in one line and exits 2", async () => {
    const result = await cli(engine, ["check", "what-is-docker/first-container"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^docker-tutor: /);
    expect(result.stderr).toMatch(said[kind]);
  });

  it("verify says what is wrong in one line and exits 2", async () => {
    const result = await cli(engine, ["verify", "--lesson", "what-is-docker"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(said[kind]);
  });

  it("the tutor says so at the task, and quit ends it at once", async () => {
    const { code, shown } = await tutor(engine, "quit\r", "No Docker engine answers");
    expect(code).toBe(0);
    expect(shown).toContain("No Docker engine answers");
  });
});

describe("Ctrl+C in the tutor", () => {
  it("ends it at once, whatever the engine does", async () => {
    const engine = await startHostileEngine("drips its body", dir);
    try {
      const { code } = await tutor(engine, keys.ctrlC, "No Docker engine answers");
      expect(code).toBe(0);
    } finally {
      await engine.close();
    }
  });
});

describe("an event stream whose headers never come", () => {
  it("costs the tutor a few seconds, then it polls, and quit ends it at once", async () => {
    await requireEngine();
    const engine = await startStalledEvents(dir);
    try {
      const { code, text } = await tutor(engine, "quit\r", "checking every 1.5 s instead");
      expect(code).toBe(0);
      expect(text).not.toContain("No Docker engine answers");
    } finally {
      await engine.close();
    }
  });
});

describe("http: checks on a hostile server", () => {
  let server: http.Server;
  let port: number;
  const timers = new Set<NodeJS.Timeout>();
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      if (request.url === "/drip") {
        const timer = setInterval(() => response.write("."), 500);
        timers.add(timer);
        response.on("close", () => clearInterval(timer));
        return;
      }
      // Endless: as fast as the client reads.
      const chunk = Buffer.alloc(64 * 1024, "x");
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const timer of timers) clearInterval(timer);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const context = () =>
    createCheckContext({
      docker: undefined as never,
      workdir: dir,
      resources: emptyResources(),
      images: [],
      engineHost: "unix:///var/run/docker.sock",
      timeouts: { httpMs: 3000 },
    });

  it.each([
    ["drips its body", "/drip"],
    ["streams a body without end", "/endless"],
  ])("a server that %s: the check ends within its bound", async (_, where) => {
    const check = parseAs(httpKind, `- { http: ${port}, path: ${where}, contains: "never there" }`);
    const started = Date.now();
    const outcome = await httpKind.evaluate(check, context());
    const ms = Date.now() - started;
    expect(outcome.passed).toBe(false);
    expect(outcome.message.split("\n")).toHaveLength(1);
    expect(ms).toBeLessThan(6000);
  });
});
