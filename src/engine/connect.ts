/** Connecting for a command that needs the engine: a ready client, or a TutorError with the fix (exit 2). */
import { TutorError } from "../errors.js";
import { closeClient, createClient, type Docker, type EngineInfo, probeEngine } from "./client.js";
import { discoverEngine } from "./discover.js";
import type { EngineTarget } from "./target.js";

export interface Engine {
  docker: Docker;
  target: EngineTarget;
  info: EngineInfo;
}

export async function connectEngine(env: NodeJS.ProcessEnv): Promise<Engine> {
  const target = await discoverEngine(env);
  const probe = await probeEngine(target, 5000);
  if (!probe.ok) {
    const { reason, message, fix } = probe.failure;
    // Something answered, but not a Docker engine the tutor can use: the message says so by itself.
    const reached = reason === "not-docker" || reason === "too-old";
    throw new TutorError(reached ? message : `cannot reach the Docker engine: ${message}`, fix, 2);
  }
  closeClient(probe.docker);
  // The probe's short deadline suits a ping; real calls get a longer one, so a stalled engine still ends.
  return { docker: await createClient(target, 60_000), target, info: probe.info };
}
