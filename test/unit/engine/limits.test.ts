/**
 * Every engine request ends and no reply fills the memory: the client against small servers of ours on
 * unix sockets (no engine), with short limits so each case takes a moment.
 */
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeClient, limitRequests, type RequestLimits, requestKind } from "../../../src/engine/limits.js";
import { collect } from "../../../src/engine/streams.js";

const limits: RequestLimits = {
  deadlineMs: 400,
  openStreamMs: 300,
  transferMs: 2000,
  maxReplyBytes: 64 * 1024,
};

let dir: string;
let server: http.Server;
let socketPath: string;
/** Connections the server saw close, by path. */
const closed: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-limits-"));
  socketPath = path.join(dir, "engine.sock");
  server = http.createServer((request, response) => {
    const url = request.url ?? "";
    response.on("close", () => closed.push(url));
    if (url.startsWith("/version")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"Version":"27.0.0","ApiVersion":"1.46"}');
    } else if (url.startsWith("/info")) {
      // Drips: never idle long enough for an idle timeout.
      response.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => response.write(" "), 50);
      response.on("close", () => clearInterval(timer));
    } else if (url.startsWith("/images/json")) {
      // Larger than the cap, as fast as it is read.
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, " ");
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
    } else if (url.startsWith("/containers/nope/json")) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end('{"message":"No such container: nope"}');
    } else if (url.startsWith("/containers/web/logs")) {
      response.writeHead(200, { "content-type": "application/vnd.docker.raw-stream" });
      response.end("42");
    } else if (url.startsWith("/events") && url.includes("stall")) {
      // Headers that never come.
    } else if (url.startsWith("/events")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.write("");
      response.flushHeaders();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function client(timeout = limits.deadlineMs): Dockerode {
  const docker = new Dockerode({ socketPath, timeout });
  limitRequests(docker, limits);
  return docker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("how long a request may live", () => {
  it("the event stream and logs that follow stay open; pulls are transfers; the rest are calls", () => {
    expect(requestKind("/events?", {})).toBe("open");
    expect(requestKind("/containers/abc/logs?", { follow: true })).toBe("open");
    expect(requestKind("/containers/abc/logs?", { follow: false })).toBe("logs");
    expect(requestKind("/containers/abc/attach?", {})).toBe("open");
    expect(requestKind("/images/create?", { fromImage: "busybox" })).toBe("transfer");
    expect(requestKind("/images/registry.local:5000/app/push?", {})).toBe("transfer");
    expect(requestKind("/build?", {})).toBe("transfer");
    expect(requestKind("/containers/json?", {})).toBe("call");
    expect(requestKind("/containers/abc/wait", undefined)).toBe("call");
    expect(requestKind("/_ping", undefined)).toBe("call");
  });
});

describe("a client with limits", () => {
  it("answers as before when the engine does", async () => {
    expect(await client().version()).toEqual({ Version: "27.0.0", ApiVersion: "1.46" });
  });

  it("ends a reply that drips at the deadline, closing the connection", async () => {
    const started = Date.now();
    const error = await client(10_000)
      .info()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ETIMEDOUT", message: "the engine did not answer within 0.4 s" });
    expect(Date.now() - started).toBeLessThan(1500);
    await sleep(50);
    expect(closed).toContain("/info");
  });

  it("ends a reply past the cap as an error, without reading on", async () => {
    const error = await client()
      .listImages()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "EREPLYTOOLARGE",
      message: "the engine sent a reply larger than 0.0625 MiB",
    });
  });

  it("words a failed request exactly as docker-modem does", async () => {
    const plain = new Dockerode({ socketPath });
    const expected = await plain
      .getContainer("nope")
      .inspect()
      .catch((e: unknown) => e);
    const error = await client()
      .getContainer("nope")
      .inspect()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("(HTTP code 404) no such container - No such container: nope ");
    expect((error as Error).message).toBe((expected as Error).message);
    expect(error).toMatchObject({ statusCode: 404, reason: "no such container" });
  });

  it("gives logs without follow as a stream, for the reader to cap", async () => {
    const logs = (await client().getContainer("web").logs({ follow: false, stdout: true })) as unknown;
    expect(Buffer.isBuffer(logs)).toBe(false);
    expect((await collect(logs as NodeJS.ReadableStream)).toString()).toBe("42");
  });

  it("gives an event stream a few seconds for its headers, then leaves it open for good", async () => {
    const docker = client();
    const stalled = await docker
      .getEvents({ filters: JSON.stringify({ type: ["stall"] }) })
      .catch((e: unknown) => e);
    expect(stalled).toMatchObject({ code: "ETIMEDOUT" });
    const stream = (await docker.getEvents({})) as NodeJS.ReadableStream & { destroyed: boolean };
    // Past the deadline and the idle timeout: still open.
    await sleep(limits.deadlineMs * 2);
    expect(stream.destroyed).toBe(false);
    closeClient(docker);
    await sleep(20);
    expect(stream.destroyed).toBe(true);
  });

  it("ends a request when the caller's signal fires", async () => {
    const docker = client(10_000) as unknown as {
      info(options: { abortSignal: AbortSignal }): Promise<unknown>;
    };
    const started = Date.now();
    const error = await docker.info({ abortSignal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("once closed, ends what is open and refuses new requests", async () => {
    const docker = client(10_000);
    const pending = docker.info().catch((e: unknown) => e);
    await sleep(50);
    closeClient(docker);
    expect(await pending).toMatchObject({ code: "ECANCELED" });
    expect(await docker.version().catch((e: unknown) => e)).toMatchObject({ code: "ECANCELED" });
  });
});

describe("collecting a stream", () => {
  it("keeps the first bytes up to the cap and reads on to the end", async () => {
    const stream = new PassThrough();
    const collected = collect(stream, 5);
    stream.write("0123");
    stream.write("456789");
    stream.end("abc");
    expect((await collected).toString()).toBe("01234");
    expect(stream.readableEnded).toBe(true);
  });

  it("gives what came when the stream closes without ending", async () => {
    const stream = new PassThrough();
    const collected = collect(stream);
    stream.write("partial");
    await sleep(5);
    stream.destroy();
    expect((await collected).toString()).toBe("partial");
  });
});
