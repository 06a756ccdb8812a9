import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EngineConfigError } from "../../../src/engine/config-error.js";
import { discoverEngine } from "../../../src/engine/discover.js";

describe("TLS settings of docker contexts", () => {
  let config: string;
  beforeEach(async () => {
    config = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-context-"));
  });
  afterEach(() => rm(config, { recursive: true, force: true }));

  async function context(name: string, docker: object, files: Record<string, string> = {}): Promise<string> {
    const hash = createHash("sha256").update(name).digest("hex");
    await mkdir(path.join(config, "contexts", "meta", hash), { recursive: true });
    const meta = { Name: name, Metadata: {}, Endpoints: { docker } };
    await writeFile(path.join(config, "contexts", "meta", hash, "meta.json"), JSON.stringify(meta));
    const tls = path.join(config, "contexts", "tls", hash, "docker");
    await mkdir(tls, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(tls, file), text);
    return tls;
  }
  const find = (name: string) =>
    discoverEngine({ DOCKER_CONFIG: config, HOME: config, DOCKER_CONTEXT: name });

  it("uses TLS unchecked with skip-tls-verify, even with no TLS file, as the docker CLI does", async () => {
    const dir = await context("skip", { Host: "tcp://10.0.0.5:2376", SkipTLSVerify: true });
    expect((await find("skip")).tls).toEqual({
      ca: undefined,
      cert: undefined,
      key: undefined,
      verify: false,
      dir,
    });
  });

  it("keeps the folder its TLS files come from, for the messages that name them", async () => {
    const dir = await context(
      "lab",
      { Host: "tcp://10.0.0.5:2376" },
      { "ca.pem": "CA", "cert.pem": "C", "key.pem": "K" },
    );
    expect((await find("lab")).tls).toEqual({ ca: "CA", cert: "C", key: "K", verify: true, dir });
  });

  it("names the missing half of a certificate and its key", async () => {
    const dir = await context("half", { Host: "tcp://10.0.0.5:2376" }, { "ca.pem": "CA", "key.pem": "K" });
    const error = await find("half").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineConfigError);
    expect((error as EngineConfigError).message).toBe(
      `docker context "half" has ${dir}/key.pem but no ${dir}/cert.pem`,
    );
  });
});
