/**
 * The docker CLI's current context: DOCKER_CONTEXT, else `currentContext` in config.json.
 * Context metadata lives in contexts/meta/<sha256 of the name>/meta.json under the config folder.
 * A context that is named but cannot be used is an error naming its file, as the CLI would fail too.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkEngineHost, EngineConfigError } from "../config-error.js";
import type { EngineStrategy, EngineTarget } from "../target.js";

export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), ".docker");
}

/** A JSON file's content; undefined when it does not exist; an error naming it when it is not JSON. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new EngineConfigError(
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code})`,
      "check its permissions",
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EngineConfigError(
      `${file} is not valid JSON`,
      "fix or remove it (the docker CLI reads it too)",
    );
  }
}

/** One of a context's TLS files; undefined when it has none; an error naming it when it cannot be read. */
async function readTlsFile(dir: string, name: string): Promise<string | undefined> {
  const file = path.join(dir, name);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new EngineConfigError(`cannot read ${file} (${code})`, "check its permissions");
  }
}

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

async function contextName(
  env: NodeJS.ProcessEnv,
  configDir: string,
): Promise<{ name: string; from: string } | undefined> {
  const fromEnv = env.DOCKER_CONTEXT?.trim();
  if (fromEnv) return { name: fromEnv, from: "DOCKER_CONTEXT" };
  const file = path.join(configDir, "config.json");
  const current = field(await readJson(file), "currentContext");
  if (current === undefined || current === "") return undefined;
  if (typeof current !== "string")
    throw new EngineConfigError(
      `currentContext in ${file} is ${JSON.stringify(current)}, not a context name`,
      "run `docker context use default`, or fix the file",
    );
  return { name: current, from: `currentContext in ${file}` };
}

/** How a target found through a context names where it came from. */
export function contextSource(name: string): string {
  return `docker context "${name}"`;
}

/** The context a target came from, for the fixes that name it; undefined when it did not come from one. */
export function contextOf(target: EngineTarget): string | undefined {
  return /^docker context "(.+)"$/.exec(target.source)?.[1];
}

export const contextStrategy: EngineStrategy = {
  name: "docker context",
  async find(env) {
    const configDir = dockerConfigDir(env);
    const chosen = await contextName(env, configDir);
    if (!chosen || chosen.name === "default") return undefined;
    const { name, from } = chosen;
    const hash = createHash("sha256").update(name).digest("hex");
    const metaFile = path.join(configDir, "contexts", "meta", hash, "meta.json");
    const meta = await readJson(metaFile);
    if (meta === undefined)
      throw new EngineConfigError(
        `docker context "${name}" (from ${from}) does not exist: there is no ${metaFile}`,
        "run `docker context ls` to see the contexts, and `docker context use NAME` to pick one",
      );
    const endpoint = field(field(meta, "Endpoints"), "docker");
    const host = field(endpoint, "Host");
    if (typeof host !== "string" || host === "")
      throw new EngineConfigError(
        `docker context "${name}" has no usable engine address in ${metaFile} (Endpoints.docker.Host)`,
        `recreate it: \`docker context rm ${name}\`, then \`docker context create ${name} --docker host=...\``,
      );
    checkEngineHost(host, `the Host of docker context "${name}"`);
    const dir = path.join(configDir, "contexts", "tls", hash, "docker");
    const [ca, cert, key] = await Promise.all(
      ["ca.pem", "cert.pem", "key.pem"].map((f) => readTlsFile(dir, f)),
    );
    if (Boolean(cert) !== Boolean(key))
      throw new EngineConfigError(
        `docker context "${name}" has ${path.join(dir, cert ? "cert.pem" : "key.pem")} but no ${path.join(dir, cert ? "key.pem" : "cert.pem")}`,
        `give it both: \`docker context update ${name} --docker "host=${host},ca=CA.pem,cert=CERT.pem,key=KEY.pem"\``,
      );
    const verify = field(endpoint, "SkipTLSVerify") !== true;
    // As the docker CLI: TLS when the context has TLS files or skips verification (then it needs none).
    const tls = ca || cert || key || !verify ? { ca, cert, key, verify, dir } : undefined;
    return { host, source: contextSource(name), ...(tls ? { tls } : {}) };
  },
};
