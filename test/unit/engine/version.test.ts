/** What answers at the engine's address must be a Docker engine at API 1.41 or newer. */
import { describe, expect, it } from "vitest";
import {
  apiAtLeast,
  notDocker,
  oldestApi,
  parseApiVersion,
  readEngineVersion,
} from "../../../src/engine/version.js";

const target = { host: "unix:///tmp/engine.sock", source: "DOCKER_HOST" };

describe("the engine's API version", () => {
  it("reads two numbers, and nothing else", () => {
    expect(parseApiVersion("1.41")).toEqual([1, 41]);
    expect(parseApiVersion("1.9")).toEqual([1, 9]);
    for (const text of ["", "1", "1.41.0", "v1.41", "1.41 ", "a.b", "1.\u001b[2J"])
      expect(parseApiVersion(text)).toBeUndefined();
  });

  it("compares as numbers: 1.100 is newer than 1.41, 1.9 older", () => {
    expect(oldestApi).toBe("1.41");
    expect(apiAtLeast("1.41")).toBe(true);
    expect(apiAtLeast("1.47")).toBe(true);
    expect(apiAtLeast("1.100")).toBe(true);
    expect(apiAtLeast("2.0")).toBe(true);
    expect(apiAtLeast("1.40")).toBe(false);
    expect(apiAtLeast("1.9")).toBe(false);
    expect(apiAtLeast("0.99")).toBe(false);
  });
});

describe("a /version reply", () => {
  it("from Docker 20.10 gives its versions", () => {
    expect(readEngineVersion({ Version: "20.10.24", ApiVersion: "1.41", Os: "linux" }, target)).toEqual({
      ok: true,
      version: { version: "20.10.24", apiVersion: "1.41", os: "linux", podman: false },
    });
  });

  it("from Podman says so, from its components or its platform", () => {
    const podman = { Version: "4.3.1", ApiVersion: "1.41", Components: [{ Name: "Podman Engine" }] };
    expect(readEngineVersion(podman, target)).toMatchObject({ ok: true, version: { podman: true } });
    const platform = {
      Version: "5.8.0",
      ApiVersion: "1.41",
      Platform: { Name: "linux/amd64/debian-unknown Podman" },
    };
    expect(readEngineVersion(platform, target)).toMatchObject({ ok: true, version: { podman: true } });
    const docker = { Version: "28.5.2", ApiVersion: "1.51", Platform: { Name: "Docker Engine - Community" } };
    expect(readEngineVersion(docker, target)).toMatchObject({ ok: true, version: { podman: false } });
  });

  it("without Version and ApiVersion is not a Docker engine, with the fix", () => {
    for (const reply of [
      Buffer.from("<html>It works!</html>"),
      {},
      { Version: "1.0" },
      { ApiVersion: "1.43" },
      { Version: "", ApiVersion: "1.43" },
      { Version: 20, ApiVersion: 1.43 },
      { Version: "24.0.7", ApiVersion: "latest" },
      null,
      "1.43",
      [],
    ]) {
      expect(readEngineVersion(reply, target)).toEqual({
        ok: false,
        failure: {
          reason: "not-docker",
          message:
            "this is not a Docker engine: /tmp/engine.sock (from DOCKER_HOST) answers /version without a Version and an API version",
          fix: "point DOCKER_HOST at a Docker engine, or unset it to use the usual one",
        },
      });
    }
  });

  it("at an API older than 1.41 says so, and to upgrade", () => {
    expect(readEngineVersion({ Version: "1.0.1", ApiVersion: "1.12" }, target)).toEqual({
      ok: false,
      failure: {
        reason: "too-old",
        message: "the engine's API 1.12 is older than 1.41",
        fix: "upgrade Docker (20.10 or newer)",
      },
    });
  });
});

describe("a server without /version", () => {
  it("is not a Docker engine", () => {
    expect(notDocker(target, "with 404 Not Found")).toEqual({
      reason: "not-docker",
      message:
        "this is not a Docker engine: /tmp/engine.sock (from DOCKER_HOST) answers /version with 404 Not Found",
      fix: "point DOCKER_HOST at a Docker engine, or unset it to use the usual one",
    });
  });
});
