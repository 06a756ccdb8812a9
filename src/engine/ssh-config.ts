/**
 * What `ssh` would use to reach an `ssh://` engine: the user's ~/.ssh/config and the system's
 * /etc/ssh/ssh_config (read with the ssh-config library, Include lines inlined), the agent, the default
 * identity files and the known_hosts files. The URL's user and port win over the config, as they do for
 * the docker CLI, which passes them to `ssh` on its command line.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SSHConfig from "ssh-config";

export interface SshSettings {
  /** The address connected to: the config's HostName for the URL's host, else that host. */
  hostName: string;
  port: number;
  user: string;
  /** The key files to offer, in order: the config's IdentityFile lines, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa. */
  identityFiles: string[];
  /** The agent's socket: SSH_AUTH_SOCK, or the config's IdentityAgent; undefined without one. */
  agent: string | undefined;
  knownHostsFiles: string[];
  /** StrictHostKeyChecking: "no" and "accept-new" let a host that no known_hosts file names through. */
  strictHostKeyChecking: string;
  /** The user's home, for messages that name files as ~/.ssh/... */
  home: string;
}

const defaultIdentities = ["id_ed25519", "id_ecdsa", "id_rsa"];

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || os.homedir();
}

function localUser(env: NodeJS.ProcessEnv): string {
  if (env.USER || env.LOGNAME) return (env.USER || env.LOGNAME) as string;
  try {
    return os.userInfo().username;
  } catch {
    return "root";
  }
}

/** A config file's text with its Include lines replaced by the files they name (as `ssh` reads them in place). */
export function inlineIncludes(file: string, base: string, home: string, depth = 0): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "";
  }
  if (depth > 8) return text;
  return text.replace(/^[ \t]*include[ \t=]+(.+)$/gim, (_line, names: string) =>
    names
      .trim()
      .split(/\s+/)
      .flatMap((name) => matchingFiles(expandHome(name.replace(/^"|"$/g, ""), home), base))
      .map((included) => inlineIncludes(included, base, home, depth + 1))
      .join("\n"),
  );
}

function expandHome(name: string, home: string): string {
  return name === "~" || name.startsWith("~/") ? path.join(home, name.slice(1)) : name;
}

/** Include's `*` and `?` in the last part of a name, relative names from the config's folder. */
function matchingFiles(name: string, base: string): string[] {
  const full = path.resolve(base, name);
  const leaf = path.basename(full);
  if (!/[*?]/.test(leaf)) return [full];
  const pattern = new RegExp(
    `^${leaf
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  try {
    return readdirSync(path.dirname(full))
      .filter((entry) => pattern.test(entry))
      .sort()
      .map((entry) => path.join(path.dirname(full), entry));
  } catch {
    return [];
  }
}

type Computed = Record<string, string | string[]>;

/** The options for `host` in the user's config, then the system's (the first value found wins, as in `ssh`). */
function configFor(host: string, user: string | undefined, home: string, systemConfig: string): Computed {
  const texts = [
    inlineIncludes(path.join(home, ".ssh", "config"), path.join(home, ".ssh"), home),
    inlineIncludes(systemConfig, path.dirname(systemConfig), home),
  ];
  const merged: Computed = {};
  for (const text of texts) {
    // `Match exec` would run a shell command: the tutor runs none the learner did not ask for.
    const computed = SSHConfig.parse(text).compute(
      { Host: host, ...(user ? { User: user } : {}) },
      { ignoreCase: true, matchExec: false },
    );
    for (const [key, value] of Object.entries(computed)) {
      if (key === "identityfile") merged[key] = [...(merged[key] ?? []), ...[value].flat()];
      else merged[key] ??= value;
    }
  }
  return merged;
}

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** `ssh_config`'s tokens in file names: ~, %d (home), %u (local user), %h (host), %r (remote user), %%. */
function expandTokens(
  name: string,
  values: { home: string; local: string; host: string; user: string },
): string {
  const tokens: Record<string, string> = {
    d: values.home,
    u: values.local,
    h: values.host,
    r: values.user,
    "%": "%",
  };
  const expanded = name.replace(/%([duhr%])/g, (_token, letter: string) => tokens[letter] ?? "");
  return expandHome(expanded, values.home);
}

/** Everything needed to reach `host` (an `ssh://[user@]host[:port]` URL), as `ssh` would see it under `env`. */
export function sshSettings(
  host: string,
  env: NodeJS.ProcessEnv,
  systemConfig = "/etc/ssh/ssh_config",
): SshSettings {
  const url = new URL(host);
  const home = homeOf(env);
  const alias = url.hostname.replace(/^\[|\]$/g, "");
  const urlUser = url.username ? decodeURIComponent(url.username) : undefined;
  const config = configFor(alias, urlUser, home, systemConfig);
  const local = localUser(env);
  const user = urlUser ?? first(config.user) ?? local;
  const hostName = first(config.hostname)?.replace(/%h/g, alias) ?? alias;
  const port = Number(url.port || first(config.port) || 22);
  const values = { home, local, host: hostName, user };
  const written = [config.identityfile ?? []].flat().filter((f) => f.toLowerCase() !== "none");
  const identityFiles = (written.length > 0 ? written : defaultIdentities.map((f) => `~/.ssh/${f}`)).map(
    (f) => expandTokens(f, values),
  );
  const identityAgent = first(config.identityagent);
  const agent =
    identityAgent === undefined || identityAgent === "SSH_AUTH_SOCK"
      ? env.SSH_AUTH_SOCK || undefined
      : identityAgent.toLowerCase() === "none"
        ? undefined
        : expandTokens(identityAgent.replace(/^\$\{?SSH_AUTH_SOCK\}?$/, env.SSH_AUTH_SOCK ?? ""), values) ||
          undefined;
  const listed = (value: string | string[] | undefined, fallback: string[]) =>
    (value === undefined ? fallback : [value].flat().flatMap((v) => v.split(/\s+/))).filter(
      (f) => f && f.toLowerCase() !== "none",
    );
  const knownHostsFiles = [
    ...listed(config.userknownhostsfile, ["~/.ssh/known_hosts", "~/.ssh/known_hosts2"]),
    ...listed(config.globalknownhostsfile, ["/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"]),
  ].map((f) => expandTokens(f, values));
  const strict = (first(config.stricthostkeychecking) ?? "ask").toLowerCase();
  return {
    hostName,
    port,
    user,
    identityFiles,
    agent,
    knownHostsFiles,
    strictHostKeyChecking: strict === "off" ? "no" : strict,
    home,
  };
}

/** The host an `ssh://` engine's published ports are on: its HostName in the ssh config, else the URL's host. */
export function sshHostName(host: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return sshSettings(host, env).hostName;
  } catch {
    return undefined;
  }
}

/** `file` as a learner reads it: under their home as ~/... */
export function tildePath(file: string, home: string): string {
  return home && file.startsWith(`${home}/`) ? `~/${file.slice(home.length + 1)}` : file;
}
