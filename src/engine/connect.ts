/** Connecting for a command that needs the engine: a ready client, or a TutorError with the fix (exit 2). */
import { TutorError } from "../errors.js";
import { createClient, type Docker, type EngineInfo, probeEngine } from "./client.js";
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
  if (!probe.ok)
    throw new TutorError(`cannot reach the Docker engine: ${probe.failure.message}`, probe.failure.fix, 2);
  // The probe's short deadline suits a ping; real calls get a longer one, so a stalled engine still ends.
  return { docker: await createClient(target, 60_000), target, info: probe.info };
}
