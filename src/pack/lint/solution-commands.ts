/**
 * Reads the docker commands in a solution script well enough for lint to ask two questions:
 * which images does it use (they must be declared), and which names does it create (they must be owned).
 * A light shell tokenizer, not a shell: quotes, `\` line continuations and `&&`/`;`/`|` separators.
 */
import type { ResourceKind } from "../../world/resources.js";

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

export function analyzeSolution(script: string): SolutionUse[] {
  const uses: SolutionUse[] = [];
  for (const { line, words } of commands(script)) {
    const use: SolutionUse = { line, images: [], creates: [] };
    readDockerCommand(words, use);
    if (use.images.length > 0 || use.creates.length > 0) uses.push(use);
  }
  return uses;
}

function readDockerCommand(words: string[], use: SolutionUse): void {
  const start = words.findIndex(
    (w) => w === "docker" || w === "docker-compose" || w === "$DOCKER_TUTOR_COMPOSE",
  );
  if (start < 0) return;
  const program = words[start];
  let rest = words.slice(start + 1);
  if (program !== "docker") {
    readCompose(rest, use);
    return;
  }
  // `docker container run` == `docker run`, and so on.
  if (["container", "image", "volume", "network"].includes(rest[0] ?? "") && rest[1]) {
    const group = rest[0] as string;
    const verb = rest[1] as string;
    if (
      group === "container" ||
      (group === "image" && ["pull", "push", "tag", "build", "rm"].includes(verb))
    ) {
      rest = rest.slice(1);
    } else if (verb === "create") {
      const name = rest.slice(2).find((w) => !w.startsWith("-"));
      if (name) use.creates.push({ kind: group === "volume" ? "volumes" : "networks", name });
      return;
    } else return;
  }
  const verb = rest[0];
  const args = rest.slice(1);
  switch (verb) {
    case "run":
    case "create":
      readRun(args, use);
      return;
    case "pull": {
      const image = args.find((w) => !w.startsWith("-"));
      if (image) use.images.push(image);
      return;
    }
    case "tag": {
      const [source, target] = args.filter((w) => !w.startsWith("-"));
      if (source) use.images.push(source);
      if (target) use.creates.push({ kind: "images", name: target });
      return;
    }
    case "build":
      for (const [i, w] of args.entries()) {
        const value = optionValue(args, i, "-t", "--tag");
        if (value) use.creates.push({ kind: "images", name: value });
        if (w === "--") break;
      }
      return;
    case "compose":
      readCompose(args, use);
      return;
  }
}

function readRun(args: string[], use: SolutionUse): void {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (!word.startsWith("-") || word === "-") {
      use.images.push(word);
      return;
    }
    const [flag, attached] = splitOption(word);
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

function readCompose(args: string[], use: SolutionUse): void {
  for (let i = 0; i < args.length; i++) {
    const value = optionValue(args, i, "-p", "--project-name");
    if (value) use.creates.push({ kind: "projects", name: value });
  }
}

function optionValue(args: string[], i: number, short: string, long: string): string | undefined {
  const [flag, attached] = splitOption(args[i] as string);
  if (flag !== short && flag !== long) return undefined;
  return attached ?? args[i + 1];
}

/** `--name=web` → [`--name`, `web`]; `-p8080:80` → [`-p`, `8080:80`]. */
function splitOption(word: string): [string, string | undefined] {
  if (word.startsWith("--")) {
    const eq = word.indexOf("=");
    return eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
  }
  if (word.length > 2 && valueOptions.has(word.slice(0, 2))) return [word.slice(0, 2), word.slice(2)];
  return [word, undefined];
}

/** Simple commands of a script, each with the line it starts on, as unquoted words. */
export function commands(script: string): { line: number; words: string[] }[] {
  const result: { line: number; words: string[] }[] = [];
  let words: string[] = [];
  let word: string | undefined;
  let line = 1;
  let startLine = 1;
  let quote: "'" | '"' | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) result.push({ line: startLine, words });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    if (words.length === 0 && word === undefined && c !== " " && c !== "\t" && c !== "\n") startLine = line;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < script.length) word = (word ?? "") + script[++i];
      else {
        if (c === "\n") line++;
        word = (word ?? "") + c;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      word = word ?? "";
    } else if (c === "\\" && script[i + 1] === "\n") {
      i++;
      line++;
    } else if (c === "\\" && i + 1 < script.length) {
      word = (word ?? "") + script[++i];
    } else if (c === "#" && word === undefined) {
      while (i + 1 < script.length && script[i + 1] !== "\n") i++;
    } else if (c === "\n") {
      endCommand();
      line++;
    } else if (c === ";" || c === "|" || c === "&" || c === "(" || c === ")") {
      endCommand();
    } else if (c === " " || c === "\t") {
      endWord();
    } else {
      word = (word ?? "") + c;
    }
  }
  endCommand();
  return result;
}
