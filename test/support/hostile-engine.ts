/**
 * Fake engines on unix sockets that misbehave the ways a broken, slow or malicious engine can: the
 * fault suite points the built CLI at each and expects it to end fast and cleanly.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { cliPath } from "./paths.js";

export type HostileKind =
  | "drips its headers"
  | "drips its body"
  | "sends 2 GB"
  | "answers 500"
  | "answers non-JSON"
  | "claims API 1.12"
  | "sends garbage bytes"
  | "never answers"
  | "never opens /events";

export const hostileKinds: HostileKind[] = [
  "drips its headers",
  "drips its body",
  "sends 2 GB",
  "answers 500",
  "answers non-JSON",
  "claims API 1.12",
  "sends garbage bytes",
  "never answers",
];

export interface HostileEngine {
  kind: HostileKind;
  socket: string;
  /** DOCKER_HOST for it. */
  host: string;
  close(): Promise<void>;
}

const dripMs = 500;
const twoGiB = 2 * 1024 ** 3;

/** Starts the fake engine of `kind` on a socket in `dir`. */
export async function startHostileEngine(kind: HostileKind, dir: string): Promise<HostileEngine> {
  const socket = path.join(dir, `${kind.replace(/\W+/g, "-")}.sock`);
  await rm(socket, { force: true });
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = serverFor(kind, timers);
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("error", () => s.destroy());
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    kind,
    socket,
    host: `unix://${socket}`,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socket, { force: true });
    },
  };
}

function serverFor(kind: HostileKind, timers: Set<NodeJS.Timeout>): net.Server {
  switch (kind) {
    case "drips its headers":
      return net.createServer((s) => {
        const reply = Buffer.from(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{"Version":"1.0"}',
        );
        let at = 0;
        const timer = setInterval(() => {
          if (at < reply.length && !s.destroyed) s.write(reply.subarray(at, ++at));
        }, dripMs);
        timers.add(timer);
        s.on("close", () => clearInterval(timer));
      });
    case "sends garbage bytes":
      return net.createServer((s) => {
        s.write(randomBytes(4096));
      });
    case "never answers":
      return net.createServer(() => {
        /* accept, read, never write */
      });
    default:
      return http.createServer((request, response) => answer(kind, request, response, timers));
  }
}

function answer(
  kind: HostileKind,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  timers: Set<NodeJS.Timeout>,
): void {
  const url = request.url ?? "/";
  switch (kind) {
    case "drips its body": {
      response.writeHead(200, { "content-type": "application/json", "content-length": 1_000_000 });
      const timer = setInterval(() => response.write(" "), dripMs);
      timers.add(timer);
      response.on("close", () => clearInterval(timer));
      return;
    }
    case "sends 2 GB":
      sendHuge(response);
      return;
    case "answers 500":
      response.writeHead(500, { "content-type": "application/json" });
      response.end('{"message":"internal server error"}\n');
      return;
    case "answers non-JSON":
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<!doctype html><html><body>It works!</body></html>\n");
      return;
    case "claims API 1.12":
      if (/\/version$/.test(url.split("?")[0] ?? "")) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ Version: "1.0.1", ApiVersion: "1.12", Os: "linux", Arch: "amd64" }));
      } else if (/\/_ping$/.test(url)) {
        response.writeHead(200, { "content-type": "text/plain", "api-version": "1.12" });
        response.end("OK");
      } else {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(url.includes("/info") ? "{}" : "[]");
      }
      return;
    default:
      response.writeHead(404);
      response.end();
  }
}

/** 2 GiB of what starts like a JSON reply, made as the client reads it: never held in memory. */
function sendHuge(response: http.ServerResponse): void {
  response.writeHead(200, { "content-type": "application/json", "content-length": twoGiB });
  const head = Buffer.from('{"Version":"');
  const chunk = Buffer.alloc(64 * 1024, "a");
  let sent = 0;
  const pump = () => {
    while (sent < twoGiB && !response.destroyed) {
      const piece = sent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, twoGiB - sent));
      sent += piece.length;
      if (!response.write(piece)) return void response.once("drain", pump);
    }
    response.end();
  };
  pump();
}

/**
 * In front of the real engine, answering everything through it except `/events`, whose headers never come:
 * the tutor's watcher must give up on the stream and poll.
 */
export async function startStalledEvents(
  dir: string,
  upstream = "/var/run/docker.sock",
): Promise<HostileEngine> {
  const socket = path.join(dir, "stalled-events.sock");
  await rm(socket, { force: true });
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    if (/\/events(\?|$)/.test(request.url ?? "")) {
      held.add(response);
      return;
    }
    const forward = http.request(
      { socketPath: upstream, path: request.url, method: request.method, headers: request.headers },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    forward.on("error", () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    kind: "never opens /events",
    socket,
    host: `unix://${socket}`,
    async close() {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socket, { force: true });
    },
  };
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI's process, in kilobytes. */
  peakKb: number;
}

export const timeBinary = "/usr/bin/time";

/** `[/usr/bin/time, -o FILE, -f %M]`: prefix a command with it to have its peak memory in FILE. */
export function measuredPrefix(file: string): string[] {
  return [timeBinary, "-o", file, "-f", "%M"];
}

/** Reads what `measuredPrefix` wrote: the peak resident memory in kilobytes. */
export async function peakKb(file: string): Promise<number> {
  const text = await readFile(file, "utf8");
  const kb = Number(text.trim().split("\n").at(-1));
  if (!Number.isFinite(kb)) throw new Error(`no memory figure in ${file}: ${text}`);
  return kb;
}

/**
 * Runs the built CLI as test/support/cli.ts runCli does, under GNU time for its peak memory. A CLI that
 * has not ended after `killAfterMs` is killed, so a hang fails the test instead of stalling the suite.
 */
export function runCliMeasured(
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; memoryFile: string; killAfterMs?: number },
): Promise<MeasuredRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      measuredPrefix(options.memoryFile)[0] as string,
      [...measuredPrefix(options.memoryFile).slice(1), process.execPath, cliPath, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: "1", ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group, so a hung CLI is killed with GNU time around it.
        detached: true,
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const killer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, options.killAfterMs ?? 30_000);
    child.on("error", reject);
    child.on("close", async (code) => {
      clearTimeout(killer);
      const ms = Date.now() - started;
      const peak = await peakKb(options.memoryFile).catch(() => Number.NaN);
      resolve({ code, stdout, stderr, ms, peakKb: peak });
    });
  });
}
