/** The command-line tools a learner needs beside the engine: the docker CLI and a compose command. */
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import path from "node:path";

export async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      if (
        await access(candidate, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return candidate;
    }
  }
  return undefined;
}

function succeeds(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 5000, signal }, (error) => resolve(!error));
  });
}

/**
 * `docker compose` when the plugin answers, else `docker-compose`, else undefined. `signal` stops the
 * asking (a compose command can take over a second to start, and must not keep a quitting tutor waiting).
 */
export async function detectCompose(
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<"docker compose" | "docker-compose" | undefined> {
  const [docker, legacy] = await Promise.all([findOnPath("docker", env), findOnPath("docker-compose", env)]);
  if (docker && (await succeeds(docker, ["compose", "version"], env, signal))) return "docker compose";
  if (signal?.aborted) return undefined;
  if (legacy && (await succeeds(legacy, ["version"], env, signal))) return "docker-compose";
  return undefined;
}

function output(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 5000 }, (error, stdout) =>
      resolve(error ? undefined : String(stdout).trim()),
    );
  });
}

/** The compose command's version (`2.40.3`, `1.29.2`), or undefined when it does not say. */
export async function composeVersion(
  command: "docker compose" | "docker-compose",
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const [program, ...args] = command.split(" ");
  const found = await findOnPath(program as string, env);
  if (!found) return undefined;
  const version = await output(found, [...args, "version", "--short"], env);
  return version?.replace(/^v/, "").split("\n")[0] || undefined;
}

/**
 * The builder `docker build` uses: BuildKit through the buildx plugin, else the classic builder (the
 * docker CLI has sent builds to BuildKit only through buildx since Docker 23).
 */
export async function detectBuilder(env: NodeJS.ProcessEnv): Promise<"buildkit" | "classic" | undefined> {
  const docker = await findOnPath("docker", env);
  if (!docker) return undefined;
  return (await succeeds(docker, ["buildx", "version"], env)) ? "buildkit" : "classic";
}
