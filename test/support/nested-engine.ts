/**
 * What every Docker engine nested on the base one needs on this machine, which refuses --privileged (no
 * CAP_SYS_RESOURCE): every other capability, no seccomp/apparmor confinement, the host's cgroups, and a
 * volume for /var/lib/docker. Shared by the remote engine (TLS, SSH) and the engine behind a registry mirror.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The sid image of scripts/engine28.sh: Docker 28 with the compose and buildx plugins. */
export const sidEngineImage = "docker-tutor-engine:sid";

/** `docker run` flags for a container that runs a dockerd, its data in `volume`. */
export function nestedEngineFlags(volume: string): string[] {
  return ["--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE", "--security-opt", "seccomp=unconfined",
    "--security-opt", "apparmor=unconfined", "--security-opt", "systempaths=unconfined",
    "--cgroupns", "host", "-v", "/sys/fs/cgroup:/sys/fs/cgroup", "-v", `${volume}:/var/lib/docker`]; // biome-ignore format: one command line
}

/** The base engine's docker CLI, `env` added to this process's environment. */
export async function baseDocker(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run("docker", args, {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 ** 2,
  });
  return stdout.trim();
}

/** The container's address on the base engine's default network. */
export function containerIp(name: string): Promise<string> {
  return baseDocker(["inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", name]);
}

/** Retries `attempt` every 250 ms until it resolves; fails with its last error after `limitMs`. */
export async function waitFor(
  what: string,
  attempt: () => Promise<unknown>,
  limitMs = 60_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() - started > limitMs)
        throw new Error(`${what} did not come up within ${limitMs / 1000} s: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
