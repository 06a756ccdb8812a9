/** `http:` checks against a real HTTP server on 127.0.0.1, started by the test: no engine. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckContext, createCheckContext } from "../../../../src/checks/check-context.js";
import { httpKind } from "../../../../src/checks/kinds/http.js";
import { emptyResources } from "../../../../src/world/resources.js";
import { fails, parseAs, passes } from "../../../support/checks.js";

/** Serves "hello" at / and /index.html, 404 elsewhere. */
let server: http.Server;
let port: number;
/** Accepts connections, never answers. */
let silent: http.Server;
let silentPort: number;
/** A port where nothing listens (it did a moment ago). */
let closedPort: number;

function listen(handler: http.RequestListener): Promise<http.Server> {
  const started = http.createServer(handler);
  return new Promise((resolve) => started.listen(0, "127.0.0.1", () => resolve(started)));
}

function portOf(listening: http.Server): number {
  return (listening.address() as AddressInfo).port;
}

function close(listening: http.Server | undefined): Promise<void> {
  if (!listening?.listening) return Promise.resolve();
  listening.closeAllConnections();
  return new Promise((resolve) => listening.close(() => resolve()));
}

/** Where published ports answer; the bound is short so a failing check stops retrying soon. */
function context(httpMs = 100): CheckContext {
  return createCheckContext({
    docker: undefined as never,
    workdir: "/nonexistent",
    resources: emptyResources(),
    images: [],
    engineHost: "unix:///var/run/docker.sock",
    timeouts: { httpMs },
  });
}

beforeAll(async () => {
  server = await listen((request, response) => {
    if (request.url === "/" || request.url === "/index.html") {
      response.writeHead(200, { "content-type": "text/html" }).end("hello\n");
    } else {
      response.writeHead(404).end("Not Found\n");
    }
  });
  port = portOf(server);
  silent = await listen(() => undefined);
  silentPort = portOf(silent);
  const closed = await listen(() => undefined);
  closedPort = portOf(closed);
  await close(closed);
});

afterAll(async () => {
  await Promise.all([close(server), close(silent)]);
});

describe("http check, its label and references", () => {
  it("names the port and path, and no resource", () => {
    const check = parseAs(httpKind, `- { http: 8080, path: /health, status: 200 }`);
    expect(httpKind.label(check)).toBe("http 8080/health");
    expect(httpKind.references(check)).toEqual([]);
    expect(httpKind.label(parseAs(httpKind, `- http: 8080`))).toBe("http 8080");
  });
});

describe("http check on a local server", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(httpKind, `- http: ${port}`);
    expect(await httpKind.evaluate(check, context())).toEqual({
      passed: true,
      message: `GET http://127.0.0.1:${port}/ answered 200`,
    });
  });

  it("gets the port and reads the body", async () => {
    expect(await passes(`- http: ${port}`, context())).toBe(`GET http://127.0.0.1:${port}/ answered 200`);
    expect(
      await passes(`- { http: ${port}, path: /index.html, status: 200, contains: hello }`, context()),
    ).toBe(`GET http://127.0.0.1:${port}/index.html answered 200 with "hello"`);
    expect(await fails(`- { http: ${port}, contains: goodbye }`, context())).toBe(
      `GET http://127.0.0.1:${port}/ answered 200 with "hello"; expected a body containing "goodbye"`,
    );
  });

  it("reports a status it did not expect", async () => {
    expect(await fails(`- { http: ${port}, path: /missing.html }`, context())).toBe(
      `GET http://127.0.0.1:${port}/missing.html answered 404; expected 2xx`,
    );
    expect(await passes(`- { http: ${port}, path: /missing.html, status: 404 }`, context())).toBe(
      `GET http://127.0.0.1:${port}/missing.html answered 404`,
    );
    expect(await fails(`- { http: ${port}, status: 404 }`, context())).toBe(
      `GET http://127.0.0.1:${port}/ answered 200; expected 404`,
    );
  });

  it("says nothing listens on a port with no server", async () => {
    expect(await fails(`- http: ${closedPort}`, context())).toBe(
      `GET http://127.0.0.1:${closedPort}/ failed: nothing listens there (connection refused); expected status 2xx`,
    );
    expect(await fails(`- { http: ${closedPort}, status: 204 }`, context())).toBe(
      `GET http://127.0.0.1:${closedPort}/ failed: nothing listens there (connection refused); expected status 204`,
    );
  });

  it("says a server that accepts but never answers gave no answer in time", async () => {
    expect(await fails(`- http: ${silentPort}`, context())).toBe(
      `GET http://127.0.0.1:${silentPort}/ failed: no answer in time; expected status 2xx`,
    );
  });

  it("retries while a server starts, within the bound", async () => {
    let late: http.Server | undefined;
    const starting = new Promise<void>((resolve) => {
      setTimeout(() => {
        late = http.createServer((_, response) => response.end("up\n"));
        late.listen(closedPort, "127.0.0.1", () => resolve());
      }, 150);
    });
    try {
      expect(await passes(`- { http: ${closedPort}, contains: up }`, context(3000))).toBe(
        `GET http://127.0.0.1:${closedPort}/ answered 200 with "up"`,
      );
    } finally {
      await starting;
      await close(late);
    }
  });
});

describe("http check on an engine reached over IPv6", () => {
  it("targets the engine's IPv6 host with its brackets once", async () => {
    const v6 = http.createServer((_, response) => response.writeHead(200).end("over six\n"));
    const listening = await new Promise<boolean>((resolve) => {
      v6.once("error", () => resolve(false));
      v6.listen(0, "::1", () => resolve(true));
    });
    expect(listening, "an IPv6 loopback to listen on").toBe(true);
    try {
      const ctx = createCheckContext({
        docker: undefined as never,
        workdir: "/nonexistent",
        resources: emptyResources(),
        images: [],
        engineHost: "tcp://[::1]:2375",
        timeouts: { httpMs: 100 },
      });
      expect(await passes(`- { http: ${portOf(v6)}, contains: over six }`, ctx)).toBe(
        `GET http://[::1]:${portOf(v6)}/ answered 200 with "over six"`,
      );
    } finally {
      await close(v6);
    }
  });
});
