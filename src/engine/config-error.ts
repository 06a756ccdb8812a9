/**
 * Docker configuration the learner (or a tool) wrote that cannot work: named with the file or variable
 * it comes from, with its fix. The tutor never falls back to another engine instead, since it would
 * then check a different engine from the one the learner's commands reach.
 */
import { TutorError } from "../errors.js";

export class EngineConfigError extends TutorError {
  constructor(message: string, fix: string) {
    super(message, fix, 2);
    this.name = "EngineConfigError";
  }
}

const schemes = ["unix:", "tcp:", "http:", "https:", "ssh:", "npipe:"];

/** Refuses an engine address the docker CLI would refuse: unknown scheme, no host, a port out of range. */
export function checkEngineHost(host: string, from: string): void {
  const fix = `set ${from} to unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST`;
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(host)?.[1]?.toLowerCase();
  if (!scheme || !schemes.includes(scheme))
    throw new EngineConfigError(
      `${from} is "${host}": ${scheme ?? "its"} scheme is not one the docker CLI reaches`,
      fix,
    );
  if (scheme === "unix:" || scheme === "npipe:") {
    if (host.slice(scheme.length + 2) === "")
      throw new EngineConfigError(`${from} is "${host}": it names no socket`, fix);
    return;
  }
  const port = /:(\d+)\/?$/.exec(host.replace(/^[a-z]+:\/\/(?:[^@/]*@)?\[[^\]]*\]/i, "x"))?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    throw new EngineConfigError(`${from} is "${host}": port ${port} is out of range (1-65535)`, fix);
  let url: URL;
  try {
    url = new URL(host.replace(/^tcp:/i, "http:"));
  } catch {
    throw new EngineConfigError(`${from} is "${host}": not an address`, fix);
  }
  if (url.hostname === "") throw new EngineConfigError(`${from} is "${host}": it names no host`, fix);
}
