/**
 * Where docker-tutor keeps things on disk: progress (home), the pack cache, and the lessons' working
 * folders; and the one containment test every path written by a pack or a check goes through.
 * Kept free of heavy imports: `list` reads these at every start.
 */
import os from "node:os";
import path from "node:path";

/** DOCKER_TUTOR_HOME, else the XDG config folder: where progress lives. */
export function tutorHome(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_TUTOR_HOME) return path.resolve(env.DOCKER_TUTOR_HOME);
  const config = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(config, "docker-tutor");
}

/** DOCKER_TUTOR_HOME/cache, else the XDG cache folder: where parsed packs are cached. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_TUTOR_HOME) return path.join(path.resolve(env.DOCKER_TUTOR_HOME), "cache");
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "docker-tutor");
}

/** `--workdir`, else DOCKER_TUTOR_WORKDIR, else `./docker-tutor-work`: the parent of every lesson's folder. */
export function workdirBase(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(flag ?? env.DOCKER_TUTOR_WORKDIR ?? "docker-tutor-work");
}

/** True when `candidate` is `root` itself or lies below it (lexically). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  const leaves = relative === ".." || relative.startsWith(`..${path.sep}`);
  return relative === "" || (!leaves && !path.isAbsolute(relative));
}
