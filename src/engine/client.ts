/**
 * The one factory for engine clients. dockerode is imported here, lazily, so commands that never talk
 * to the engine never pay for loading it.
 */

import type { Agent } from "node:http";
import type Docker from "dockerode";
import { describeEngineFailure, type EngineFailure } from "./failure.js";
import { closeClient, limitRequests, maxReplyBytes, openStreamMs, transferMs } from "./limits.js";
import { connectionOptions, type EngineTarget } from "./target.js";
import { notDocker, readEngineVersion } from "./version.js";

export type { Docker };
export { closeClient };

export interface EngineInfo {
  version: string;
  apiVersion: string;
  os: string;
  /** Podman's Docker-compatible API, not Docker itself. */
  podman: boolean;
  /** Where the engine keeps its data (on the engine's host). */
  rootDir: string | undefined;
}

/**
 * A client whose every request ends within `timeoutMs` (its idle timeout and its overall deadline; see
 * limits.ts for the streams that differ) and whose replies are capped. `closeClient` ends what it has open.
 */
export async function createClient(target: EngineTarget, timeoutMs = 30_000): Promise<Docker> {
  const { default: Dockerode } = await import("dockerode");
  const docker = new Dockerode(await modemOptions(target, timeoutMs));
  // Over SSH the first request waits for a handshake and for `docker` to start on the host, a second or
  // more on a loaded link: a deadline made for a local socket would call a healthy engine dead.
  const limits = target.host.startsWith("ssh://")
    ? { deadlineMs: Math.max(timeoutMs, sshDeadlineMs), openStreamMs: Math.max(openStreamMs, sshDeadlineMs) }
    : { deadlineMs: timeoutMs, openStreamMs };
  limitRequests(docker, { ...limits, transferMs, maxReplyBytes });
  return docker;
}

/** The shortest deadline of a request over SSH. */
const sshDeadlineMs = 15_000;

/** docker-modem reads `agent` too; dockerode's types omit it. */
type ModemOptions = Docker.DockerOptions & { agent?: Agent };

/**
 * docker-modem's options, with the transport it cannot make itself: for TLS an HTTPS agent (the modem
 * drops `rejectUnauthorized`, which `skip-tls-verify` needs); for SSH our own (the modem's reads no ssh
 * config, and its socket timeout crashes on an SSH channel), with no socket timeout but limits.ts's deadlines.
 */
async function modemOptions(target: EngineTarget, timeoutMs: number): Promise<ModemOptions> {
  const options = connectionOptions(target);
  if ("socketPath" in options) return { ...options, timeout: timeoutMs };
  if (options.protocol === "ssh") {
    const [{ SshTransport }, { sshSettings }] = await Promise.all([
      import("./ssh.js"),
      import("./ssh-config.js"),
    ]);
    const transport = new SshTransport(target.ssh ?? sshSettings(target.host, process.env));
    return { protocol: "http", host: options.host, port: options.port, agent: transport };
  }
  if (options.protocol === "http") return { ...options, timeout: timeoutMs };
  const https = await import("node:https");
  const { ca, cert, key, rejectUnauthorized } = options;
  return { ...options, agent: new https.Agent({ ca, cert, key, rejectUnauthorized }), timeout: timeoutMs };
}

/**
 * Pings the engine and reads its versions; a failure is a value with a one-line fix, never a throw. What
 * answers must be a Docker engine at API 1.41 or newer (version.ts).
 */
export async function probeEngine(
  target: EngineTarget,
  timeoutMs = 2500,
): Promise<{ ok: true; docker: Docker; info: EngineInfo } | { ok: false; failure: EngineFailure }> {
  let docker: Docker | undefined;
  try {
    docker = await createClient(target, timeoutMs);
    const version = readEngineVersion(await docker.version(), target);
    if (!version.ok) {
      closeClient(docker);
      return version;
    }
    const info = (await docker.info().catch(() => undefined)) as { DockerRootDir?: string } | undefined;
    return {
      ok: true,
      docker,
      info: { ...version.version, rootDir: info?.DockerRootDir },
    };
  } catch (error) {
    if (docker) closeClient(docker);
    // Every Docker engine has /version: a server without one is something else.
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 404) return { ok: false, failure: notDocker(target, "with 404 Not Found") };
    return { ok: false, failure: describeEngineFailure(error, target) };
  }
}
