import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EngineConfigError } from "../../../src/engine/config-error.js";
import { discoverEngine } from "../../../src/engine/discover.js";

let config: string;
beforeEach(async () => {
  config = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-config-"));
});
afterEach(() => rm(config, { recursive: true, force: true }));

async function writeContext(name: string, meta: unknown): Promise<string> {
  const hash = createHash("sha256").update(name).digest("hex");
  const dir = path.join(config, "contexts", "meta", hash);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "meta.json"), JSON.stringify(meta));
  return path.join(dir, "meta.json");
}

async function refusal(env: NodeJS.ProcessEnv): Promise<string> {
  const error = await discoverEngine({ DOCKER_CONFIG: config, HOME: config, ...env }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineConfigError);
  expect((error as EngineConfigError).exitCode).toBe(2);
  return (error as EngineConfigError).message;
}

describe("docker configuration the tutor cannot use", () => {
  it("names config.json when currentContext is not a name", async () => {
    await writeFile(path.join(config, "config.json"), '{"currentContext": 42}');
    expect(await refusal({})).toBe(
      `currentContext in ${path.join(config, "config.json")} is 42, not a context name`,
    );
  });

  it("names config.json when it is not JSON", async () => {
    await writeFile(path.join(config, "config.json"), "{not json");
    expect(await refusal({})).toBe(`${path.join(config, "config.json")} is not valid JSON`);
  });

  it("never falls back to another engine when the context named does not exist", async () => {
    expect(await refusal({ DOCKER_CONTEXT: "colima-gone" })).toMatch(
      /^docker context "colima-gone" \(from DOCKER_CONTEXT\) does not exist: there is no .*meta\.json$/,
    );
  });

  it("names the context's file when its Host is not an address", async () => {
    const file = await writeContext("odd", { Name: "odd", Endpoints: { docker: { Host: 42 } } });
    expect(await refusal({ DOCKER_CONTEXT: "odd" })).toBe(
      `docker context "odd" has no usable engine address in ${file} (Endpoints.docker.Host)`,
    );
  });

  it("reads a context that works", async () => {
    await writeContext("remote", { Name: "remote", Endpoints: { docker: { Host: "tcp://10.0.0.5:2375" } } });
    const target = await discoverEngine({ DOCKER_CONFIG: config, DOCKER_CONTEXT: "remote" });
    expect(target).toEqual({ host: "tcp://10.0.0.5:2375", source: 'docker context "remote"' });
  });

  it("refuses DOCKER_HOST values the docker CLI would refuse", async () => {
    expect(await refusal({ DOCKER_HOST: "tcp://127.0.0.1:99999" })).toBe(
      'DOCKER_HOST is "tcp://127.0.0.1:99999": port 99999 is out of range (1-65535)',
    );
    expect(await refusal({ DOCKER_HOST: "ftp://example.com" })).toBe(
      'DOCKER_HOST is "ftp://example.com": ftp: scheme is not one the docker CLI reaches',
    );
    expect(await refusal({ DOCKER_HOST: "fd://" })).toBe(
      'DOCKER_HOST is "fd://": fd: scheme is not one the docker CLI reaches',
    );
    expect(await refusal({ DOCKER_HOST: "tcp://" })).toBe('DOCKER_HOST is "tcp://": not an address');
  });

  it("names the certificate files that are missing when DOCKER_TLS_VERIFY is set", async () => {
    expect(await refusal({ DOCKER_HOST: "tcp://10.0.0.5:2376", DOCKER_TLS_VERIFY: "1" })).toBe(
      `DOCKER_TLS_VERIFY is set but ${["ca.pem", "cert.pem", "key.pem"].map((f) => path.join(config, f)).join(", ")} are missing`,
    );
  });
});
