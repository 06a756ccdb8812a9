/**
 * A Docker engine that pulls as a learner's does, offline: Docker 28 (the sid image) nested on the base
 * engine, with a local registry (registry:2) as its `--registry-mirror`. The registry holds busybox:latest
 * as Docker Hub's `library/busybox`, so the nested engine, which starts empty, really pulls it; a name the
 * registry lacks fails as a name no registry has (the engine then tries Docker Hub, which this machine
 * cannot reach). `remove()` removes both containers and the engine's volume.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { testLabel } from "./engine.js";
import { baseDocker, containerIp, nestedEngineFlags, sidEngineImage, waitFor } from "./nested-engine.js";

const run = promisify(execFile);
const label = `${testLabel}=mirror`;

export interface MirroredEngine {
  /** DOCKER_HOST of the nested engine (plain tcp). */
  host: string;
  /** The docker CLI on the nested engine. */
  docker(args: string[]): Promise<string>;
  /** The repositories whose manifests the mirror was asked for, in order (from its access log). */
  manifestRequests(): Promise<string[]>;
  remove(): Promise<void>;
}

/** Starts the registry `${name}-registry` and the engine `name` (leftovers of a killed run are replaced). */
export async function startMirroredEngine(name: string): Promise<MirroredEngine> {
  const registry = `${name}-registry`;
  const volume = `${name}-data`;
  const remove = async () => {
    await baseDocker(["rm", "-f", "-v", name, registry]).catch(() => undefined);
    await baseDocker(["volume", "rm", volume]).catch(() => undefined);
  };
  await remove();
  try {
    await baseDocker([
      "run",
      "-d",
      "--name",
      registry,
      "--label",
      label,
      "-p",
      "127.0.0.1::5000",
      "registry:2",
    ]);
    const port = (await baseDocker(["port", registry, "5000/tcp"])).split("\n")[0]?.split(":").pop();
    const pushed = `127.0.0.1:${port}/library/busybox:latest`;
    await waitFor("the registry", async () => {
      if ((await fetch(`http://127.0.0.1:${port}/v2/`)).status !== 200)
        throw new Error("GET /v2/ is not 200");
    });
    // The base engine pushes over 127.0.0.1, which it treats as an insecure registry.
    await baseDocker(["tag", "busybox:latest", pushed]);
    try {
      await baseDocker(["push", pushed]);
    } finally {
      await baseDocker(["rmi", pushed]).catch(() => undefined);
    }

    await baseDocker(["volume", "create", "--label", label, volume]);
    await baseDocker(["run", "-d", "--name", name, "--label", label, ...nestedEngineFlags(volume), sidEngineImage,
      "dockerd", "--host", "tcp://0.0.0.0:2375", "--tls=false",
      "--registry-mirror", `http://${await containerIp(registry)}:5000`]); // biome-ignore format: one command line
    const host = `tcp://${await containerIp(name)}:2375`;
    const docker = (args: string[]) => baseDocker(args, { DOCKER_HOST: host, DOCKER_CONTEXT: undefined });
    await waitFor("the nested engine", () => docker(["version"]));
    return {
      host,
      docker,
      async manifestRequests() {
        // The registry logs to stderr; both streams are read so a change of habit does not hide requests.
        const { stdout, stderr } = await run("docker", ["logs", registry], { maxBuffer: 16 * 1024 ** 2 });
        return [...`${stdout}${stderr}`.matchAll(/"(?:GET|HEAD) \/v2\/(.+?)\/manifests\//g)].map(
          (m) => m[1] as string,
        );
      },
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
