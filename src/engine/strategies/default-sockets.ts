/**
 * The usual sockets, in the order a learner's machine most likely has them: the system engine,
 * Docker Desktop's per-user socket, rootless Docker, colima, Rancher Desktop, OrbStack, Podman.
 */
import { stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EngineStrategy } from "../target.js";

export function candidateSockets(env: NodeJS.ProcessEnv): { path: string; source: string }[] {
  const home = env.HOME || os.homedir();
  const runtime =
    env.XDG_RUNTIME_DIR || (typeof process.getuid === "function" ? `/run/user/${process.getuid()}` : "");
  return [
    { path: "/var/run/docker.sock", source: "the system socket" },
    { path: path.join(home, ".docker", "run", "docker.sock"), source: "Docker Desktop's socket" },
    { path: path.join(home, ".docker", "desktop", "docker.sock"), source: "Docker Desktop's socket" },
    ...(runtime ? [{ path: path.join(runtime, "docker.sock"), source: "rootless Docker's socket" }] : []),
    { path: path.join(home, ".colima", "default", "docker.sock"), source: "colima's socket" },
    { path: path.join(home, ".colima", "docker.sock"), source: "colima's socket" },
    { path: path.join(home, ".rd", "docker.sock"), source: "Rancher Desktop's socket" },
    { path: path.join(home, ".orbstack", "run", "docker.sock"), source: "OrbStack's socket" },
    ...(runtime ? [{ path: path.join(runtime, "podman", "podman.sock"), source: "Podman's socket" }] : []),
    { path: "/run/podman/podman.sock", source: "Podman's socket" },
  ];
}

export const defaultSocketStrategy: EngineStrategy = {
  name: "default sockets",
  async find(env) {
    if (process.platform === "win32")
      return { host: "npipe:////./pipe/docker_engine", source: "the Windows named pipe" };
    for (const candidate of candidateSockets(env)) {
      const isSocket = await stat(candidate.path).then(
        (s) => s.isSocket(),
        () => false,
      );
      if (isSocket) return { host: `unix://${candidate.path}`, source: candidate.source };
    }
    return undefined;
  },
};
