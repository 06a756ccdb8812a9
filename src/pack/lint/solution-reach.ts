/**
 * What a solution reaches on the engine besides what it creates: the resources it removes, stops,
 * kills, execs into or otherwise changes by name, and the commands that reach resources by no name at
 * all (prunes without a label filter, names taken from `docker ps` or from the command's input).
 */
import type { ResourceKind } from "../../world/resources.js";
import { type DockerCommand, optionValue, positionals, readDockerCommand } from "./docker-commands.js";
import { readShell, type ScriptSpot, type ShellCommand, type ShellWord } from "./shell-parser.js";
import { composeProject, composeTouchVerbs } from "./solution-commands.js";

/** A named resource a command acts on: `docker stop web` does "stops" to container "web". */
export interface Touch {
  at: ScriptSpot;
  kind: ResourceKind;
  name: string;
  does: string;
  /** False when the shell makes the name up when it runs: `$ID`, `tutor-*`, `tutor-$X`. */
  known: boolean;
}

/** A command that reaches resources without naming them, with what is wrong with it. */
export interface Sweep {
  at: ScriptSpot;
  message: string;
}

export type SolutionReach =
  | { ok: true; touches: Touch[]; sweeps: Sweep[] }
  | { ok: false; at: ScriptSpot; message: string };

interface TouchVerb {
  does: string;
  kind: ResourceKind;
  /** Which words name the resources: all positionals, the first only, `name:path` ones (cp), or network then container. */
  targets: "all" | "first" | "copy" | "connect";
  valueOptions?: string[];
}

const stopOptions = ["-t", "--time", "-s", "--signal", "--timeout"];
const updateOptions = [
  "--blkio-weight", "--cpu-period", "--cpu-quota", "--cpu-rt-period", "--cpu-rt-runtime", "-c", "--cpu-shares",
  "--cpus", "--cpuset-cpus", "--cpuset-mems", "-m", "--memory", "--memory-reservation", "--memory-swap",
  "--pids-limit", "--restart",
]; // biome-ignore format: a list reads better packed
const execOptions = ["-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys"];
const connectOptions = [
  "--alias",
  "--driver-opt",
  "--ip",
  "--ip6",
  "--link",
  "--link-local-ip",
  "--gw-priority",
];

/** Verbs that act on named resources, by `group verb`. */
const touchVerbs = new Map<string, TouchVerb>([
  ["container rm", { does: "removes", kind: "containers", targets: "all" }],
  ["container stop", { does: "stops", kind: "containers", targets: "all", valueOptions: stopOptions }],
  ["container kill", { does: "kills", kind: "containers", targets: "all", valueOptions: ["-s", "--signal"] }],
  ["container restart", { does: "restarts", kind: "containers", targets: "all", valueOptions: stopOptions }],
  ["container pause", { does: "pauses", kind: "containers", targets: "all" }],
  ["container unpause", { does: "unpauses", kind: "containers", targets: "all" }],
  ["container start", { does: "starts", kind: "containers", targets: "all", valueOptions: ["--detach-keys"] }],
  ["container exec", { does: "execs into", kind: "containers", targets: "first", valueOptions: execOptions }],
  ["container attach", { does: "attaches to", kind: "containers", targets: "first", valueOptions: ["--detach-keys"] }],
  ["container rename", { does: "renames", kind: "containers", targets: "all" }],
  ["container update", { does: "updates", kind: "containers", targets: "all", valueOptions: updateOptions }],
  ["container commit", { does: "commits", kind: "containers", targets: "first", valueOptions: ["-a", "--author", "-c", "--change", "-m", "--message"] }],
  ["container cp", { does: "copies files to or from", kind: "containers", targets: "copy" }],
  ["image rm", { does: "removes", kind: "images", targets: "all", valueOptions: ["--platform"] }],
  ["volume rm", { does: "removes", kind: "volumes", targets: "all" }],
  ["network rm", { does: "removes", kind: "networks", targets: "all" }],
  ["network connect", { does: "connects", kind: "networks", targets: "connect", valueOptions: connectOptions }],
  ["network disconnect", { does: "disconnects", kind: "networks", targets: "connect" }],
]); // biome-ignore format: a table reads better one row a line

/** Listing commands: names taken from their output are anyone's. */
const listings = new Set(["container ls", "image ls", "volume ls", "network ls"]);
const pruned = new Map([
  ["container", "stopped containers"],
  ["image", "images"],
  ["volume", "volumes"],
  ["network", "networks"],
  ["system", "containers, networks and images"],
]);
const inputRunners = new Set(["xargs", "parallel"]);
const followUp = "name the lesson's own resources instead";

export function solutionReach(script: string): SolutionReach {
  const reading = readShell(script);
  if (!reading.ok) return reading;
  const sweeps = new Map<string, Sweep>();
  const sweep = (at: ScriptSpot, message: string) =>
    sweeps.set(`${at.line}:${at.column}:${message}`, { at, message });
  const docker = reading.commands.map((command) => readDockerCommand(command.words.map((w) => w.text)));

  // Substitutions over a listing come first: the names they feed to other commands are reported there.
  const listingSpots = new Set<string>();
  reading.commands.forEach((command, i) => {
    const read = docker[i];
    if (!read || !command.substitution || !listings.has(`${read.group} ${read.verb}`)) return;
    listingSpots.add(spotKey(command.substitution));
    const shown = command.words.map((w) => w.text).join(" ");
    sweep(
      command.substitution,
      `the solution takes names from the output of "${shown}", which lists the learner's own things too: ${followUp}`,
    );
  });

  const touches: Touch[] = [];
  reading.commands.forEach((command, i) => {
    const read = docker[i];
    if (!read) return;
    const at = { line: command.line, column: command.column };
    const shown = `docker ${read.group === "container" ? "" : `${read.group} `}${read.verb}`;
    const acts =
      touchVerbs.has(`${read.group} ${read.verb}`) ||
      (read.group === "compose" && composeTouchVerbs.has(read.verb));
    if (acts && read.before.some((w) => inputRunners.has(w.split("/").at(-1) ?? ""))) {
      sweep(
        at,
        `the solution runs "${shown}" on names read from its input, which may be the learner's own: ${followUp}`,
      );
      return;
    }
    const problem = prune(read);
    if (problem) sweep(at, problem);
    const words = command.words.slice(command.words.length - read.args.length);
    for (const { word, name, kind, does } of targets(read, words, command)) {
      const fromListings =
        word.substitutions.length > 0 && word.substitutions.every((s) => listingSpots.has(spotKey(s)));
      if (!fromListings) touches.push({ at, kind, name, does, known: word.known });
    }
  });
  return { ok: true, touches, sweeps: [...sweeps.values()] };
}

/** What is wrong with a prune, or with `compose down --rmi all`; undefined when nothing is. */
function prune(read: DockerCommand): string | undefined {
  if (read.group === "compose") {
    const all =
      read.verb === "down" &&
      read.args.some((_, i) => optionValue(read.args, i, new Set(["--rmi"])) === "all");
    return all
      ? `"docker compose down --rmi all" removes every image the services use, the learner's own too: use --rmi local`
      : undefined;
  }
  if (read.verb !== "prune") return undefined;
  if (read.group === "builder")
    return `"docker builder prune" empties the learner's whole build cache: leave it out of the solution`;
  const what = pruned.get(read.group);
  if (!what) return undefined;
  const filters = read.args
    .map((_, i) => optionValue(read.args, i, new Set(["--filter"])))
    .filter((v) => v !== undefined);
  if (filters.some((f) => /^label=/.test(f))) return undefined;
  return `"docker ${read.group} prune" without a label filter removes the learner's own ${what} too: add --filter label=... with a label the lesson sets`;
}

/** A resource a command names, with the word that names it. */
interface Target {
  word: ShellWord;
  name: string;
  kind: ResourceKind;
  does: string;
}

function targets(read: DockerCommand, words: ShellWord[], command: ShellCommand): Target[] {
  const wordOf = (text: string): ShellWord =>
    words.find((w) => w.text === text) ?? { text, known: true, substitutions: [] };
  const named = (text: string, kind: ResourceKind, does: string, name = text): Target => ({
    word: wordOf(text),
    name,
    kind,
    does,
  });
  if (read.group === "compose") {
    const does = composeTouchVerbs.get(read.verb);
    const project = composeProject(read, command.env);
    return does && project ? [named(project, "projects", does)] : [];
  }
  const verb = touchVerbs.get(`${read.group} ${read.verb}`);
  if (!verb) return [];
  const names = positionals(read.args, new Set(verb.valueOptions ?? []));
  switch (verb.targets) {
    case "all":
      return names.map((name) => named(name, verb.kind, verb.does));
    case "first":
      return names.slice(0, 1).map((name) => named(name, verb.kind, verb.does));
    case "copy":
      // `docker cp NAME:PATH ...`: only `name:` operands are containers; ./a:b and /a:b are local paths.
      return names
        .filter((name) => name.indexOf(":") > 0 && !/^[./]/.test(name))
        .map((name) => named(name, verb.kind, verb.does, name.slice(0, name.indexOf(":"))));
    case "connect": {
      const [network, container] = names;
      return [
        ...(network === undefined ? [] : [named(network, "networks", verb.does)]),
        ...(container === undefined ? [] : [named(container, "containers", verb.does)]),
      ];
    }
  }
}

function spotKey(spot: ScriptSpot): string {
  return `${spot.line}:${spot.column}`;
}
