/**
 * A docker command line read into what it does: `docker rm -f x`, `docker container rm -f x` and
 * `docker --context ci container remove -f x` are all (container, rm, [-f, x]).
 */

export interface DockerCommand {
  /** container, image, volume, network, system, builder, compose, ... */
  group: string;
  verb: string;
  /** The words after the verb; for compose, every word after the compose program. */
  args: string[];
  /** The words before the docker program: `sudo`, `xargs -n1`, `timeout 10`. */
  before: string[];
}

/** Top-level verbs that are short for a group's: `docker rm` is `docker container rm`. */
const shortFor = new Map<string, [string, string]>([
  ["ps", ["container", "ls"]],
  ["rmi", ["image", "rm"]],
  ["images", ["image", "ls"]],
]);
const containerVerbs = new Set([
  "run", "create", "start", "stop", "kill", "restart", "pause", "unpause", "rm", "exec", "attach", "rename",
  "update", "cp", "commit", "logs", "wait", "top", "port", "stats", "diff", "export",
]); // biome-ignore format: a list reads better packed
const imageVerbs = new Set(["pull", "push", "tag", "build", "save", "load", "history", "import"]);
const aliases = new Map([
  ["remove", "rm"],
  ["list", "ls"],
  ["ps", "ls"],
]);

/** Options of `docker` itself that take a value: `docker --context ci ps`. */
const dockerValueOptions = new Set([
  "-H", "--host", "-c", "--context", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey",
]); // biome-ignore format: a list reads better packed
/** Options of `docker compose` that take a value and come before its verb. */
const composeValueOptions = new Set([
  "-p", "--project-name", "-f", "--file", "--project-directory", "--profile", "--env-file", "--ansi",
  "--progress", "--parallel",
]); // biome-ignore format: a list reads better packed

// biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${NAME}, written as in the script
const composePrograms = new Set(["docker-compose", "$DOCKER_TUTOR_COMPOSE", "${DOCKER_TUTOR_COMPOSE}"]);

/** The docker (or compose) command in a command's words, if it runs one. */
export function readDockerCommand(words: string[]): DockerCommand | undefined {
  const start = words.findIndex((w) => w === "docker" || w.endsWith("/docker") || composePrograms.has(w));
  if (start < 0) return undefined;
  const before = words.slice(0, start);
  if (words[start] !== "docker" && !words[start]?.endsWith("/docker")) {
    return composeCommand(words.slice(start + 1), before);
  }
  let i = start + 1;
  while (i < words.length && (words[i] as string).startsWith("-")) {
    i += dockerValueOptions.has(words[i] as string) ? 2 : 1;
  }
  const first = words[i];
  if (first === undefined) return undefined;
  if (first === "compose") return composeCommand(words.slice(i + 1), before);
  const short = shortFor.get(first);
  if (short) return { group: short[0], verb: short[1], args: words.slice(i + 1), before };
  if (containerVerbs.has(first)) return { group: "container", verb: first, args: words.slice(i + 1), before };
  if (imageVerbs.has(first)) return { group: "image", verb: first, args: words.slice(i + 1), before };
  const second = words[i + 1];
  if (second === undefined) return { group: first, verb: "", args: [], before };
  let group = first;
  let verb = aliases.get(second) ?? second;
  if (group === "buildx" || group === "builder")
    [group, verb] = verb === "build" ? ["image", verb] : ["builder", verb];
  return { group, verb, args: words.slice(i + 2), before };
}

function composeCommand(args: string[], before: string[]): DockerCommand {
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith("-")) {
    const [flag, attached] = splitOption(args[i] as string, composeValueOptions);
    i += composeValueOptions.has(flag) && attached === undefined ? 2 : 1;
  }
  return { group: "compose", verb: args[i] ?? "", args, before };
}

/** Words that are not options nor option values, given the options that take a value. */
export function positionals(args: string[], valueOptions: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === "--") return [...found, ...args.slice(i + 1)];
    if (!word.startsWith("-") || word === "-") {
      found.push(word);
      continue;
    }
    const [flag, attached] = splitOption(word, valueOptions);
    if (valueOptions.has(flag) && attached === undefined) i++;
  }
  return found;
}

/** The value of an option at `args[i]` (`-p x`, `-px`, `--project-name=x`), if it is one of `names`. */
export function optionValue(
  args: string[],
  i: number,
  names: ReadonlySet<string>,
  valueOptions: ReadonlySet<string> = names,
): string | undefined {
  const [flag, attached] = splitOption(args[i] as string, valueOptions);
  if (!names.has(flag)) return undefined;
  return attached ?? args[i + 1];
}

/** `--name=web` → [`--name`, `web`]; `-p8080:80` → [`-p`, `8080:80`] when `-p` takes a value. */
export function splitOption(word: string, valueOptions: ReadonlySet<string>): [string, string | undefined] {
  if (word.startsWith("--")) {
    const eq = word.indexOf("=");
    return eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
  }
  if (word.length > 2 && valueOptions.has(word.slice(0, 2))) return [word.slice(0, 2), word.slice(2)];
  return [word, undefined];
}
