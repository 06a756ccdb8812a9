/** Why the engine could not be used, in one line, with the fix. */
import { describeSshFailure } from "./failure-ssh.js";
import { describeTlsFailure } from "./failure-tls.js";
import { maxReplyBytes } from "./limits.js";
import type { EngineTarget } from "./target.js";
import { socketFile } from "./target.js";

/**
 * "not-docker" and "too-old": something answers, but not a Docker engine the tutor can use; "tls" and
 * "ssh": the route to it refused (a certificate, a key, a host key), never a reason to start Docker.
 */
export type EngineFailureReason =
  | "no-socket"
  | "refused"
  | "denied"
  | "timeout"
  | "error"
  | "not-docker"
  | "too-old"
  | "tls"
  | "ssh";

export interface EngineFailure {
  reason: EngineFailureReason;
  message: string;
  fix: string;
}

const startFix =
  "start Docker (Docker Desktop, colima, or `sudo systemctl start docker`), or point DOCKER_HOST at a running engine";

export const notDockerFix = "point DOCKER_HOST at a Docker engine, or unset it to use the usual one";

/** Where the engine is, as failures name it: its socket or host, and "(from DOCKER_HOST)" when it came from there. */
export function engineWhere(target: EngineTarget): string {
  return `${socketFile(target) ?? target.host}${target.source === "DOCKER_HOST" ? " (from DOCKER_HOST)" : ""}`;
}

export function describeEngineFailure(error: unknown, target: EngineTarget): EngineFailure {
  const route = describeSshFailure(error, target) ?? describeTlsFailure(error, target);
  if (route) return route;
  const code = (error as NodeJS.ErrnoException)?.code;
  const where = socketFile(target) ?? target.host;
  const from = target.source === "DOCKER_HOST" ? " (from DOCKER_HOST)" : "";
  switch (code) {
    case "ENOENT":
      return { reason: "no-socket", message: `no Docker engine socket at ${where}${from}`, fix: startFix };
    case "ECONNREFUSED":
    case "ECONNRESET":
    case "EPIPE":
    case "ENOTSOCK":
      return { reason: "refused", message: `nothing answers at ${where}${from}`, fix: startFix };
    case "EACCES":
    case "EPERM":
      return {
        reason: "denied",
        message: `permission denied on ${where}`,
        fix: "add yourself to the docker group: `sudo usermod -aG docker $USER`, then log out and back in",
      };
    case "ETIMEDOUT":
    case "ESOCKETTIMEDOUT":
      return {
        reason: "timeout",
        message: `the engine at ${where}${from} did not answer in time`,
        fix: startFix,
      };
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return {
        reason: "refused",
        message: `cannot resolve the host in ${target.host}${from}`,
        fix: startFix,
      };
    case "EREPLYTOOLARGE":
      return {
        reason: "error",
        message: `the engine at ${where}${from} sent a reply larger than ${maxReplyBytes / 1024 ** 2} MiB`,
        fix: notDockerFix,
      };
  }
  if (typeof code === "string" && code.startsWith("HPE_")) {
    // Node's HTTP parser gave up: the bytes were not an HTTP answer at all.
    return {
      reason: "not-docker",
      message: `this is not a Docker engine: ${where}${from} does not answer in HTTP`,
      fix: notDockerFix,
    };
  }
  const status = (error as { statusCode?: number })?.statusCode;
  const text = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (status === 403 || status === 401) {
    return {
      reason: "denied",
      message: `the engine at ${where} refused access (${status})`,
      fix: "check your credentials or TLS certificates (DOCKER_CERT_PATH)",
    };
  }
  if (/timeout/i.test(text ?? "")) {
    return {
      reason: "timeout",
      message: `the engine at ${where}${from} did not answer in time`,
      fix: startFix,
    };
  }
  return {
    reason: "error",
    message: `the engine at ${where} answered with an error: ${text}`,
    fix: startFix,
  };
}
