/** DOCKER_HOST, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as the docker CLI reads them. */
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EngineStrategy, EngineTarget } from "../target.js";

export const dockerHostStrategy: EngineStrategy = {
  name: "DOCKER_HOST",
  async find(env) {
    const host = env.DOCKER_HOST?.trim();
    if (!host) return undefined;
    const target: EngineTarget = {
      host: host.includes("://") ? host : `tcp://${host}`,
      source: "DOCKER_HOST",
    };
    if (env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH) {
      const dir = env.DOCKER_CERT_PATH || path.join(os.homedir(), ".docker");
      const read = (name: string) => readFile(path.join(dir, name), "utf8").catch(() => undefined);
      const [ca, cert, key] = await Promise.all([read("ca.pem"), read("cert.pem"), read("key.pem")]);
      target.tls = { ca, cert, key, verify: Boolean(env.DOCKER_TLS_VERIFY) };
    }
    return target;
  },
};
