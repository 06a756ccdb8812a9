/** Why the engine could not be used, in one line, with the fix. */
import type { EngineTarget } from "./target.js";
import { socketFile } from "./target.js";

export type EngineFailureReason = "no-socket" | "refused" | "denied" | "timeout" | "error";

export interface EngineFailure {
  reason: EngineFailureReason;
  message: string;
  fix: string;
}

const startFix =
  "start Docker (Docker Desktop, colima, or `sudo systemctl start docker`), or point DOCKER_HOST at a running engine";

export function describeEngineFailure(error: unknown, target: EngineTarget): EngineFailure {
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
