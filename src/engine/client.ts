/**
 * The one factory for engine clients. dockerode is imported here, lazily, so commands that never talk
 * to the engine never pay for loading it.
 */
import type Docker from "dockerode";
import { describeEngineFailure, type EngineFailure } from "./failure.js";
import { connectionOptions, type EngineTarget } from "./target.js";

export type { Docker };

export interface EngineInfo {
  version: string;
  apiVersion: string;
  os: string;
  /** Where the engine keeps its data (on the engine's host). */
  rootDir: string | undefined;
}

export async function createClient(target: EngineTarget, timeoutMs = 30_000): Promise<Docker> {
  const { default: Dockerode } = await import("dockerode");
  return new Dockerode({ ...connectionOptions(target), timeout: timeoutMs } as Docker.DockerOptions);
}

/** Pings the engine and reads its versions; a failure is a value with a one-line fix, never a throw. */
export async function probeEngine(
  target: EngineTarget,
  timeoutMs = 2500,
): Promise<{ ok: true; docker: Docker; info: EngineInfo } | { ok: false; failure: EngineFailure }> {
  try {
    const docker = await createClient(target, timeoutMs);
    const version = (await withDeadline(docker.version(), timeoutMs)) as {
      Version: string;
      ApiVersion: string;
      Os: string;
    };
    const info = (await withDeadline(docker.info(), timeoutMs).catch(() => undefined)) as
      | { DockerRootDir?: string }
      | undefined;
    return {
      ok: true,
      docker,
      info: {
        version: version.Version,
        apiVersion: version.ApiVersion,
        os: version.Os,
        rootDir: info?.DockerRootDir,
      },
    };
  } catch (error) {
    return { ok: false, failure: describeEngineFailure(error, target) };
  }
}

/** Rejects after `ms`: a socket that accepts but never answers must not hang the tutor. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("deadline"), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
