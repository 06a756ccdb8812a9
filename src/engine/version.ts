/** What answers at the engine's address, judged by its `GET /version`: a Docker engine the tutor can use, or why not. */
import { type EngineFailure, engineWhere, notDockerFix } from "./failure.js";
import type { EngineTarget } from "./target.js";

/** Docker 20.10's API: the oldest engine the tests cover. */
export const oldestApi = "1.41";

export interface EngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  /** Podman's Docker-compatible API, not Docker itself. */
  podman: boolean;
}

/** Podman names itself in /version's components or platform. */
export function isPodman(reply: Record<string, unknown>): boolean {
  const names = [
    ...(Array.isArray(reply.Components) ? reply.Components : []).map((c) => (c as { Name?: unknown })?.Name),
    (reply.Platform as { Name?: unknown } | undefined)?.Name,
  ];
  return names.some((name) => typeof name === "string" && /podman/i.test(name));
}

/** "1.41" as [1, 41]; undefined for anything that is not two dot-separated numbers. */
export function parseApiVersion(text: string): [number, number] | undefined {
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function apiAtLeast(api: string, oldest = oldestApi): boolean {
  const have = parseApiVersion(api);
  const want = parseApiVersion(oldest);
  if (!have || !want) return false;
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}

/** Something answers at the engine's address, but not as Docker does: `how` it answers /version. */
export function notDocker(target: EngineTarget, how: string): EngineFailure {
  return {
    reason: "not-docker",
    message: `this is not a Docker engine: ${engineWhere(target)} answers /version ${how}`,
    fix: notDockerFix,
  };
}

/** The versions from a /version reply; a failure with its fix when it is not Docker-shaped or too old. */
export function readEngineVersion(
  reply: unknown,
  target: EngineTarget,
): { ok: true; version: EngineVersion } | { ok: false; failure: EngineFailure } {
  const fields = reply !== null && typeof reply === "object" && !Buffer.isBuffer(reply) ? reply : {};
  const { Version, ApiVersion, Os } = fields as Record<string, unknown>;
  if (
    typeof Version !== "string" ||
    Version === "" ||
    typeof ApiVersion !== "string" ||
    !parseApiVersion(ApiVersion)
  ) {
    return { ok: false, failure: notDocker(target, "without a Version and an API version") };
  }
  if (!apiAtLeast(ApiVersion)) {
    return {
      ok: false,
      failure: {
        reason: "too-old",
        message: `the engine's API ${ApiVersion} is older than ${oldestApi}`,
        fix: "upgrade Docker (20.10 or newer)",
      },
    };
  }
  return {
    ok: true,
    version: {
      version: Version,
      apiVersion: ApiVersion,
      os: typeof Os === "string" ? Os : "",
      podman: isPodman(fields as Record<string, unknown>),
    },
  };
}
