/** `http:` checks against a real HTTP server on 127.0.0.1, started by the test: no engine. */

import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CheckContext, createCheckContext } from "../../../../src/checks/check-context.js";
import { evaluateChecks } from "../../../../src/checks/evaluate.js";
import { httpKind, retryDelayMs } from "../../../../src/checks/kinds/http.js";
import { parseCheckList } from "../../../../src/checks/parse.js";
import { translator, type UiLanguage } from "../../../../src/i18n/index.js";
import { emptyResources } from "../../../../src/world/resources.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";

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

/**
 * Where published ports answer; the bound is short so a failing check stops retrying soon. The engine
 * lists running containers that publish `published` (every port the tests use, unless told otherwise).
 */
function context(httpMs = 100, published?: number[], language: UiLanguage = "en"): CheckContext {
  const ports = published ?? [port, silentPort, closedPort];
  return createCheckContext({
    t: translator(language),
    docker: fakeEngine(ports),
    workdir: "/nonexistent",
    resources: emptyResources(),
    images: [],
    engineHost: "unix:///var/run/docker.sock",
    timeouts: { httpMs },
  });
}

/**
 * An engine whose running containers publish `ports` (one container each, `tutor-<port>`, up for
 * `ageSeconds`); `host` adds one on the host's network.
 */
function fakeEngine(ports: number[], options: { host?: boolean; ageSeconds?: number } = {}) {
  const age = options.ageSeconds ?? 0;
  const containers: object[] = ports.map((p) => ({
    Names: [`/tutor-${p}`],
    Status: age === 0 ? "Up Less than a second" : `Up ${age} seconds`,
    Ports: [{ PrivatePort: 80, PublicPort: p, Type: "tcp" }],
  }));
  if (options.host)
    containers.push({ Names: ["/tutor-host"], Ports: [], HostConfig: { NetworkMode: "host" } });
  return { listContainers: async () => containers } as never;
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
      message: `GET http://127.0.0.1:${port}/ answers 2xx`,
    });
  });

  it("gets the port and reads the body", async () => {
    await passes(`- http: ${port}`, context());
    expect(
      await passes(`- { http: ${port}, path: /index.html, status: 200, contains: hello }`, context()),
    ).toBe(`GET http://127.0.0.1:${port}/index.html answers 200 with a body containing "hello"`);
    expect(await fails(`- { http: ${port}, contains: goodbye }`, context())).toBe(
      `GET http://127.0.0.1:${port}/ answered 200 with "hello"; expected a body containing "goodbye"`,
    );
  });

  it("reports a status it did not expect", async () => {
    expect(await fails(`- { http: ${port}, path: /missing.html }`, context())).toBe(
      `GET http://127.0.0.1:${port}/missing.html answered 404; expected 2xx`,
    );
    await passes(`- { http: ${port}, path: /missing.html, status: 404 }`, context());
    expect(await fails(`- { http: ${port}, status: 404 }`, context())).toBe(
      `GET http://127.0.0.1:${port}/ answered 200; expected 404`,
    );
  });

  it("says in French what went wrong, when the learner reads French", async () => {
    const french = (yaml: string) => fails(yaml, context(100, undefined, "fr"));
    expect(await french(`- http: ${closedPort}`)).toBe(
      `GET http://127.0.0.1:${closedPort}/ a échoué : rien n'écoute à cette adresse (connexion refusée) ; attendu : le statut 2xx`,
    );
    expect(await french(`- { http: ${port}, contains: goodbye }`)).toBe(
      `GET http://127.0.0.1:${port}/ a répondu 200 avec « hello » ; attendu : un corps qui contient « goodbye »`,
    );
    expect(await french(`- { http: ${port}, path: /missing.html }`)).toBe(
      `GET http://127.0.0.1:${port}/missing.html a répondu 404 ; attendu : 2xx`,
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
    // One attempt of 200 ms: too short to mention, unless this machine is very busy.
    expect(await fails(`- http: ${silentPort}`, context())).toMatch(
      new RegExp(
        `^GET http://127\\.0\\.0\\.1:${silentPort}/ failed: no answer in time( \\(after \\d+(?:\\.\\d)? s waiting for the server\\))?; expected status 2xx$`,
      ),
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
      await passes(`- { http: ${closedPort}, contains: up }`, context(3000));
    } finally {
      await starting;
      await close(late);
    }
  });
});

describe("http check readiness: it waits only while something can answer", () => {
  /** A server on `closedPort` from `afterMs` on; `close()` stops it. */
  function startLater(afterMs: number) {
    let late: http.Server | undefined;
    const started = new Promise<void>((resolve) => {
      setTimeout(() => {
        late = http.createServer((_, response) => response.end("up\n"));
        late.listen(closedPort, "127.0.0.1", () => resolve());
      }, afterMs);
    });
    return {
      close: async () => {
        await started;
        await close(late);
      },
    };
  }

  it("retries fast at first, 10, 20, 40 ms …, then every 250 ms", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(retryDelayMs)).toEqual([10, 20, 40, 80, 160, 250, 250, 250]);
  });

  it("passes once a starting server answers", async () => {
    const server = startLater(30);
    try {
      expect(await passes(`- { http: ${closedPort}, contains: up }`, context(60_000))).toMatch(
        new RegExp(`^GET http://127\\.0\\.0\\.1:${closedPort}/ answers 2xx with a body containing "up"`),
      );
    } finally {
      await server.close();
    }
  });

  it("says how long it waited for a server that took a while to start", async () => {
    const server = startLater(600);
    try {
      expect(await fails(`- { http: ${closedPort}, contains: down }`, context(3000))).toMatch(
        new RegExp(
          `^GET http://127\\.0\\.0\\.1:${closedPort}/ answered 200 with "up" \\(after \\d+(?:\\.\\d)? s waiting for the server\\); expected a body containing "down"$`,
        ),
      );
    } finally {
      await server.close();
    }
  });

  it("does not wait when no running container publishes the port, and says so", async () => {
    const began = performance.now();
    expect(await fails(`- http: ${closedPort}`, context(60_000, [port]))).toBe(
      `GET http://127.0.0.1:${closedPort}/ was not sent: no running container publishes port ${closedPort}; expected status 2xx`,
    );
    expect(performance.now() - began).toBeLessThan(10_000); // not the 60 s bound
  });

  it("waits when a container on the host's network could serve any port", async () => {
    const ctx = context(300, [port]);
    ctx.docker = fakeEngine([port], { host: true });
    const began = performance.now();
    expect(await fails(`- http: ${closedPort}`, ctx)).toMatch(
      /^GET .* failed: nothing listens there \(connection refused\) \(after \d+(?:\.\d)? s waiting for the server\); expected status 2xx$/,
    );
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
  });

  it("does not wait for a container that has published the port for longer than the bound", async () => {
    const ctx = context(3000);
    ctx.docker = fakeEngine([closedPort], { ageSeconds: 60 });
    const began = performance.now();
    expect(await fails(`- http: ${closedPort}`, ctx)).toBe(
      `GET http://127.0.0.1:${closedPort}/ failed: nothing listens there (connection refused), though tutor-${closedPort} has been up for 60 s with port ${closedPort} published; expected status 2xx`,
    );
    expect(performance.now() - began).toBeLessThan(2000); // not the 3 s bound
  });

  it("waits no longer than the round allows", async () => {
    const checks = parseCheckList(parse(`- http: ${closedPort}\n`)).checks;
    const began = performance.now();
    const [result] = await evaluateChecks(checks, context(60_000), { waitMs: 300 });
    expect(result?.message).toMatch(
      /failed: nothing listens there \(connection refused\) \(after \d+(?:\.\d)? s waiting for the server\)/,
    );
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
    expect(performance.now() - began).toBeLessThan(10_000); // not the 60 s bound
  });

  it("stops waiting as soon as another check of the step has failed", async () => {
    const checks = parseCheckList(parse(`- http: ${closedPort}\n- file: missing.txt\n`)).checks;
    const ctx = context(60_000);
    ctx.workdir = os.tmpdir();
    const began = performance.now();
    const [http, file] = await evaluateChecks(checks, ctx);
    expect(file?.passed).toBe(false);
    expect(http?.message).toBe(
      `GET http://127.0.0.1:${closedPort}/ failed: nothing listens there (connection refused); expected status 2xx`,
    );
    expect(performance.now() - began).toBeLessThan(10_000); // not the 60 s bound
  });

  it("looks once under `not`, which wants no answer", async () => {
    const began = performance.now();
    const result = await evaluateChecks(
      parseCheckList(parse(`- not: { http: ${closedPort} }\n`)).checks,
      context(60_000),
    );
    expect(result[0]?.passed).toBe(true);
    expect(performance.now() - began).toBeLessThan(10_000); // not the 60 s bound
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
        workdir: "/nonexistent",
        resources: emptyResources(),
        images: [],
        engineHost: "tcp://[::1]:2375",
        timeouts: { httpMs: 100 },
        docker: fakeEngine([portOf(v6)]),
      });
      await passes(`- { http: ${portOf(v6)}, contains: over six }`, ctx);
    } finally {
      await close(v6);
    }
  });
});

describe("http check in words", () => {
  it("says the request and the answer wanted, in English and in French", () => {
    const yaml = "- http: 8080\n  status: 200\n  contains: Hello";
    expect(inWords(yaml)).toBe('GET http://localhost:8080/ answers 200 with a body containing "Hello"');
    expect(inWords(yaml, "fr")).toBe(
      "GET http://localhost:8080/ répond 200 avec un corps qui contient « Hello »",
    );
    expect(inWords("- http: 8081\n  path: /health")).toBe("GET http://localhost:8081/health answers 2xx");
  });
});
