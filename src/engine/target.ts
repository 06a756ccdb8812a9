/** Where the Docker engine is, and how it was found: the outcome of engine discovery. */

export interface EngineTarget {
  /** As the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2375, npipe:////./pipe/docker_engine. */
  host: string;
  /** How it was found, for `doctor`: "DOCKER_HOST", "context colima", "Podman socket"... */
  source: string;
  /** TLS material for tcp hosts, when the environment or context gives it. */
  tls?: { ca?: string; cert?: string; key?: string; verify: boolean };
}

/** One way of finding the engine; returns undefined when it has nothing to say, so the next one is tried. */
export interface EngineStrategy {
  readonly name: string;
  find(env: NodeJS.ProcessEnv): Promise<EngineTarget | undefined>;
}

export type ConnectionOptions =
  | { socketPath: string }
  | {
      protocol: "http" | "https" | "ssh";
      host: string;
      port: number;
      username?: string;
      ca?: string;
      cert?: string;
      key?: string;
    };

/** dockerode/docker-modem options for a target. */
export function connectionOptions(target: EngineTarget): ConnectionOptions {
  const host = target.host;
  if (host.startsWith("unix://")) return { socketPath: host.slice("unix://".length) };
  if (host.startsWith("npipe://")) return { socketPath: host.slice("npipe://".length).replace(/\//g, "\\") };
  const url = new URL(host);
  if (url.protocol === "ssh:") {
    return {
      protocol: "ssh",
      host: url.hostname,
      port: Number(url.port || 22),
      username: url.username || undefined,
    };
  }
  const https = url.protocol === "https:" || Boolean(target.tls);
  const port = Number(url.port || (https ? 2376 : 2375));
  return { protocol: https ? "https" : "http", host: url.hostname, port, ...target.tls };
}

/** The socket file behind a target, when there is one (for permission and existence checks). */
export function socketFile(target: EngineTarget): string | undefined {
  return target.host.startsWith("unix://") ? target.host.slice("unix://".length) : undefined;
}
