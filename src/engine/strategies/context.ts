/**
 * The docker CLI's current context: DOCKER_CONTEXT, else `currentContext` in config.json.
 * Context metadata lives in contexts/meta/<sha256 of the name>/meta.json under the config folder.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EngineStrategy } from "../target.js";

interface ContextMeta {
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), ".docker");
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

export const contextStrategy: EngineStrategy = {
  name: "docker context",
  async find(env) {
    const configDir = dockerConfigDir(env);
    const name =
      env.DOCKER_CONTEXT?.trim() ||
      (await readJson<{ currentContext?: string }>(path.join(configDir, "config.json")))?.currentContext;
    if (!name || name === "default") return undefined;
    const hash = createHash("sha256").update(name).digest("hex");
    const meta = await readJson<ContextMeta>(path.join(configDir, "contexts", "meta", hash, "meta.json"));
    const endpoint = meta?.Endpoints?.docker;
    if (!endpoint?.Host) return undefined;
    const tlsDir = path.join(configDir, "contexts", "tls", hash, "docker");
    const read = (file: string) => readFile(path.join(tlsDir, file), "utf8").catch(() => undefined);
    const [ca, cert, key] = await Promise.all([read("ca.pem"), read("cert.pem"), read("key.pem")]);
    const tls = ca || cert || key ? { ca, cert, key, verify: !endpoint.SkipTLSVerify } : undefined;
    return { host: endpoint.Host, source: `docker context "${name}"`, ...(tls ? { tls } : {}) };
  },
};
