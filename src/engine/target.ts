/** Where the Docker engine is, and how it was found: the outcome of engine discovery. */
import type { SshSettings } from "./ssh-config.js";

export interface EngineTarget {
  /** As the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2375, npipe:////./pipe/docker_engine. */
  host: string;
  /** How it was found, for `doctor`: "DOCKER_HOST", "context colima", "Podman socket"... */
  source: string;
  /** TLS material for tcp hosts, when the environment or context gives it. */
  tls?: {
    ca?: string;
    cert?: string;
    key?: string;
    /** false: the engine's certificate is not checked (`skip-tls-verify`, or DOCKER_CERT_PATH without DOCKER_TLS_VERIFY). */
    verify: boolean;
    /** The folder ca.pem, cert.pem and key.pem come from, for the messages that name them. */
    dir?: string;
  };
  /** How an ssh:// engine is reached: read from the ssh config by discovery. */
  ssh?: SshSettings;
}

/** One way of finding the engine; returns undefined when it has nothing to say, so the next one is tried. */
export interface EngineStrategy {
  readonly name: string;
  find(env: NodeJS.ProcessEnv): Promise<EngineTarget | undefined>;
}

export type ConnectionOptions =
  | { socketPath: string }
  | { protocol: "ssh"; host: string; port: number; username?: string }
  | {
      protocol: "http" | "https";
      host: string;
      port: number;
      ca?: string;
      cert?: string;
      key?: string;
      /** false with `skip-tls-verify`: the engine's certificate is taken unchecked, as the docker CLI does. */
      rejectUnauthorized?: boolean;
    };

/** Where and how to connect to a target (client.ts makes the transport: an HTTPS agent, or SSH). */
export function connectionOptions(target: EngineTarget): ConnectionOptions {
  const host = target.host;
  if (host.startsWith("unix://")) return { socketPath: host.slice("unix://".length) };
  if (host.startsWith("npipe://")) return { socketPath: host.slice("npipe://".length).replace(/\//g, "\\") };
  const url = new URL(host);
  if (url.protocol === "ssh:") {
    const { ssh } = target;
    return {
      protocol: "ssh",
      host: ssh?.hostName ?? url.hostname,
      port: ssh?.port ?? Number(url.port || 22),
      username: ssh?.user ?? (url.username || undefined),
    };
  }
  const https = url.protocol === "https:" || Boolean(target.tls);
  const port = Number(url.port || (https ? 2376 : 2375));
  if (!target.tls) return { protocol: https ? "https" : "http", host: url.hostname, port };
  const { ca, cert, key, verify } = target.tls;
  return { protocol: "https", host: url.hostname, port, ca, cert, key, rejectUnauthorized: verify };
}

/** The socket file behind a target, when there is one (for permission and existence checks). */
export function socketFile(target: EngineTarget): string | undefined {
  return target.host.startsWith("unix://") ? target.host.slice("unix://".length) : undefined;
}
