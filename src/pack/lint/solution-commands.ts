/**
 * Reads the docker commands in a solution script well enough for lint to ask two questions:
 * which images does it use (they must be declared), and which names does it create (they must be owned).
 * The script is read by a shell parser (shell-parser.ts); a script that does not parse yields nothing
 * here, and the solution-safety rule reports it.
 */
import type { ResourceKind } from "../../world/resources.js";
import {
  type DockerCommand,
  optionValue,
  positionals,
  readDockerCommand,
  splitOption,
} from "./docker-commands.js";
import { readShell } from "./shell-parser.js";

export interface SolutionUse {
  /** 1-based line inside the script. */
  line: number;
  images: string[];
  creates: { kind: ResourceKind; name: string }[];
}

/** Options of `docker run`/`create` that take a value (the rest are flags). */
const valueOptions = new Set([
  "-a", "--attach", "--add-host", "--cap-add", "--cap-drop", "--cgroup-parent", "--cidfile", "--cpus",
  "--cpu-shares", "-c", "--device", "--dns", "--dns-search", "--entrypoint", "-e", "--env", "--env-file",
  "--expose", "--gpus", "--group-add", "--health-cmd", "--health-interval", "--health-retries",
  "--health-timeout", "-h", "--hostname", "--ip", "--ipc", "-l", "--label", "--label-file", "--link",
  "--log-driver", "--log-opt", "-m", "--memory", "--mount", "--name", "--net", "--network", "--network-alias",
  "--pid", "--platform", "-p", "--publish", "--pull", "--restart", "--security-opt", "--shm-size",
  "--stop-signal", "--stop-timeout", "--tmpfs", "-u", "--user", "--ulimit", "-v", "--volume", "--volumes-from",
  "-w", "--workdir", "--memory-swap", "--userns", "--uts", "--runtime", "--isolation", "--detach-keys",
]); // biome-ignore format: a list reads better packed

/** Options of `docker volume create` and `docker network create` that take a value. */
const createValueOptions = new Set([
  "-d", "--driver", "-o", "--opt", "--label", "--subnet", "--gateway", "--ip-range", "--ipam-driver",
  "--ipam-opt", "--aux-address", "--scope", "--config-from",
]); // biome-ignore format: a list reads better packed
const tagOptions = new Set(["-t", "--tag"]);
const volumeNameOption = new Set(["--name"]);
const projectOptions = new Set(["-p", "--project-name"]);
/** Compose verbs that only act on an existing project: the solution-safety rule holds them to ownership. */
export const composeTouchVerbs = new Map([
  ["down", "takes down"],
  ["rm", "removes"],
  ["stop", "stops"],
  ["kill", "kills"],
  ["restart", "restarts"],
  ["pause", "pauses"],
  ["unpause", "unpauses"],
  ["exec", "execs into"],
]);

export function analyzeSolution(script: string): SolutionUse[] {
  const reading = readShell(script);
  if (!reading.ok) return [];
  const uses: SolutionUse[] = [];
  for (const command of reading.commands) {
    const use: SolutionUse = { line: command.line, images: [], creates: [] };
    const docker = readDockerCommand(command.words.map((w) => w.text));
    if (docker) readDocker(docker, command.env, use);
    if (use.images.length > 0 || use.creates.length > 0) uses.push(use);
  }
  return uses;
}

/** The project a compose command works on, when it names one: `-p x`, or COMPOSE_PROJECT_NAME. */
export function composeProject(docker: DockerCommand, env: Map<string, string>): string | undefined {
  // After `run`, -p publishes a port: only the options before the verb name the project there.
  const end = docker.verb === "run" ? docker.args.indexOf("run") : docker.args.length;
  for (let i = 0; i < end; i++) {
    const value = optionValue(docker.args, i, projectOptions);
    if (value) return value;
  }
  return env.get("COMPOSE_PROJECT_NAME") || undefined;
}

function readDocker(docker: DockerCommand, env: Map<string, string>, use: SolutionUse): void {
  const { group, verb, args } = docker;
  if (group === "compose") {
    const project = composeProject(docker, env);
    if (project && !composeTouchVerbs.has(verb)) use.creates.push({ kind: "projects", name: project });
  } else if (group === "container" && (verb === "run" || verb === "create")) {
    readRun(args, use);
  } else if (group === "image" && verb === "pull") {
    const image = positionals(args, new Set(["--platform"]))[0];
    if (image) use.images.push(image);
  } else if (group === "image" && verb === "tag") {
    const [source, target] = positionals(args, new Set());
    if (source) use.images.push(source);
    if (target) use.creates.push({ kind: "images", name: target });
  } else if (group === "image" && verb === "build") {
    for (const [i, w] of args.entries()) {
      const value = optionValue(args, i, tagOptions);
      if (value) use.creates.push({ kind: "images", name: value });
      if (w === "--") break;
    }
  } else if ((group === "volume" || group === "network") && verb === "create") {
    const named = args.findIndex((_, i) => optionValue(args, i, volumeNameOption));
    const name =
      named >= 0 ? optionValue(args, named, volumeNameOption) : positionals(args, createValueOptions)[0];
    if (name) use.creates.push({ kind: group === "volume" ? "volumes" : "networks", name });
  }
}

function readRun(args: string[], use: SolutionUse): void {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (!word.startsWith("-") || word === "-") {
      use.images.push(word);
      return;
    }
    const [flag, attached] = splitOption(word, valueOptions);
    const takesValue = valueOptions.has(flag);
    const value = takesValue ? (attached ?? args[i + 1]) : undefined;
    if (takesValue && attached === undefined) i++;
    if (value === undefined) continue;
    if (flag === "--name") use.creates.push({ kind: "containers", name: value });
    if (flag === "--network" || flag === "--net") use.creates.push({ kind: "networks", name: value });
    if (flag === "-v" || flag === "--volume") {
      const source = value.split(":")[0] ?? "";
      if (
        source &&
        !source.startsWith("/") &&
        !source.startsWith(".") &&
        !source.startsWith("$") &&
        value.includes(":")
      ) {
        use.creates.push({ kind: "volumes", name: source });
      }
    }
    if (flag === "--mount") {
      const fields = Object.fromEntries(value.split(",").map((kv) => kv.split("=") as [string, string]));
      const source = fields.source ?? fields.src;
      if ((fields.type ?? "volume") === "volume" && source)
        use.creates.push({ kind: "volumes", name: source });
    }
  }
}

/** Simple commands of a script, each with the line it starts on, as words without their quotes. */
export function commands(script: string): { line: number; words: string[] }[] {
  const reading = readShell(script);
  if (!reading.ok) return [];
  return reading.commands.map((c) => ({ line: c.line, words: c.words.map((w) => w.text) }));
}
