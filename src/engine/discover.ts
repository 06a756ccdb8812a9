/** Finds the engine the way the docker CLI does, then tries the sockets other engines use. */
import { contextStrategy } from "./strategies/context.js";
import { defaultSocketStrategy } from "./strategies/default-sockets.js";
import { dockerHostStrategy } from "./strategies/docker-host.js";
import type { EngineStrategy, EngineTarget } from "./target.js";

export const strategies: EngineStrategy[] = [dockerHostStrategy, contextStrategy, defaultSocketStrategy];

/** Always answers: when nothing is found, the system socket, so the error names the usual place. */
export async function discoverEngine(env: NodeJS.ProcessEnv, order = strategies): Promise<EngineTarget> {
  for (const strategy of order) {
    const target = await strategy.find(env);
    if (target?.host.startsWith("ssh://")) {
      // Read now, under the env given: the ssh config, the agent, the identity and known_hosts files.
      const { sshSettings } = await import("./ssh-config.js");
      return { ...target, ssh: sshSettings(target.host, env) };
    }
    if (target) return target;
  }
  return { host: "unix:///var/run/docker.sock", source: "the default socket (no engine socket was found)" };
}
