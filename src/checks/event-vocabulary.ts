/**
 * Docker's event vocabulary as the `happened:` check reads it: the actions, signals by name and number,
 * an event's image and action as Docker names them (Podman's compatible API has names of its own), and
 * an event in a few words.
 */

import type { Translate } from "../i18n/index.js";
import type { PastEvent } from "../world/engine-events.js";
import { normalizeImageRef } from "../world/image-refs.js";

/** Docker's names for what happens to a container. */
export const containerActions = [
  "attach",
  "commit",
  "copy",
  "create",
  "destroy",
  "detach",
  "die",
  "exec_create",
  "exec_detach",
  "exec_die",
  "exec_start",
  "export",
  "health_status",
  "kill",
  "oom",
  "pause",
  "rename",
  "resize",
  "restart",
  "start",
  "stop",
  "top",
  "unpause",
  "update",
] as const;

/** Docker's names for what happens to an image. */
export const imageActions = ["delete", "import", "load", "pull", "push", "save", "tag", "untag"] as const;

export const execActions = new Set(["exec_create", "exec_start", "exec_die", "exec_detach"]);
export const imageActionSet = new Set<string>(imageActions);

/** Linux signal numbers, as Docker's kill events give them. */
const signalNumbers: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGWINCH: 28,
};

/** `SIGKILL`, `KILL`, `kill`, `9` or 9 → 9; undefined when it is none of those. */
export function signalNumber(signal: string | number): number | undefined {
  if (typeof signal === "number") return signal;
  if (/^\d{1,2}$/.test(signal)) return Number(signal);
  const upper = signal.toUpperCase();
  return signalNumbers[upper.startsWith("SIG") ? upper : `SIG${upper}`];
}

export function signalName(n: number): string {
  return Object.entries(signalNumbers).find(([, number]) => number === n)?.[0] ?? `signal ${n}`;
}

/** An event in a few words: `kill (SIGTERM)`, `die (exit code 137)`, `exec_start (sh)`. */
export function eventText(event: PastEvent, t: Translate): string {
  const { action, attributes } = event;
  const signalOf = attributes.signal !== undefined ? signalNumber(attributes.signal) : undefined;
  if (action === "kill" && signalOf !== undefined) return `kill (${signalName(signalOf)})`;
  if ((action === "die" || action === "exec_die") && attributes.exitCode !== undefined)
    return t("diag.happened.exitCode", { action, code: attributes.exitCode });
  if (execActions.has(action) && event.detail) return `${action} (${shorten(event.detail)})`;
  return action;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Podman's Docker-compatible API has names of its own for some of Docker's actions. */
const podmanActions: Record<string, string> = {
  exec: "exec_start",
  exec_died: "exec_die",
  remove: "destroy",
};

/** An engine's action (`exec_start: sh -c ls`, Podman's `exec`) as Docker names it, detail cut off. */
export function dockerActionName(action: string): string {
  const name = action.split(":")[0]?.trim() ?? "";
  return Object.hasOwn(podmanActions, name) ? (podmanActions[name] as string) : name;
}

/** The event's action as Docker names it. */
export function dockerAction(event: PastEvent): string {
  return dockerActionName(event.action);
}

/**
 * The image an event is about: a container's image as it was named, or the image of an image event.
 * Docker names a pulled or pushed image by its reference (`busybox:1.36`, with `busybox` as its name
 * attribute) and a tagged, untagged or deleted one by its id, with the reference as its name.
 */
export function eventImage(event: PastEvent): string | undefined {
  if (event.type === "container") return event.attributes.image;
  if (event.type !== "image") return undefined;
  const byId = /^(sha256:)?[0-9a-f]{64}$/.test(event.actorId) || event.actorId === "";
  return byId ? event.attributes.name : event.actorId;
}

export function sameImage(a: string, b: string): boolean {
  return normalizeImageRef(a) === normalizeImageRef(b);
}

/**
 * `sh` is run by `sh`, `/bin/sh` and `sh -c 'ls'`: the words given start the command, the program
 * compared by its file name.
 */
export function commandMatches(wanted: string, ran: string): boolean {
  const words = (text: string) => text.trim().split(/\s+/);
  const want = words(wanted);
  const got = words(ran);
  if (want.length > got.length) return false;
  const program = (word: string) => word.slice(word.lastIndexOf("/") + 1);
  return want.every((word, i) => (i === 0 ? program(word) === program(got[0] ?? "") : word === got[i]));
}
