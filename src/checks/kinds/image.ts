/** `image:` checks: presence, labels, env, cmd, entrypoint, exposed ports, workdir, user, layers, size. */

import { normalizeImageRef } from "../../lessons/ownership.js";
import { closest } from "../../text/similar.js";
import { isNotFound } from "../containers.js";
import type { CheckContext } from "../context.js";
import { fail, jsonList, list, mismatch, pass, typoHint } from "../diagnosis.js";
import { envMap, matchPairs } from "../pairs.js";
import type { Outcome } from "../result.js";
import type { ImageCheck } from "../vocabulary.js";

export async function evaluateImage(check: ImageCheck, ctx: CheckContext): Promise<Outcome> {
  const ref = check.image;
  let info: Awaited<ReturnType<ReturnType<CheckContext["docker"]["getImage"]>["inspect"]>>;
  try {
    info = await ctx.docker.getImage(ref).inspect();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const tags = (await ctx.docker.listImages())
      .flatMap((i) => i.RepoTags ?? [])
      .filter((t) => t !== "<none>:<none>");
    const near = closest(normalizeImageRef(ref), tags.map(normalizeImageRef));
    return fail(`no image ${ref}${typoHint(near)}`);
  }
  const subject = `image ${ref}`;
  const config = info.Config ?? ({} as typeof info.Config);
  const facts: string[] = [];

  for (const [expected, actual, noun] of [
    [check.labels, config.Labels, "label"],
    [check.env, envMap(config.Env), "env"],
  ] as const) {
    if (!expected) continue;
    const outcome = matchPairs(subject, actual, expected, noun);
    if (!outcome.passed) return outcome;
    facts.push(outcome.message);
  }
  if (check.cmd && !sameList(config.Cmd, check.cmd)) {
    return mismatch(subject, `has CMD ${jsonList(config.Cmd)}`, jsonList(check.cmd));
  }
  if (check.cmd) facts.push(`CMD ${jsonList(check.cmd)}`);
  if (check.entrypoint && !sameList(config.Entrypoint as string[] | undefined, check.entrypoint)) {
    return mismatch(
      subject,
      `has ENTRYPOINT ${jsonList(config.Entrypoint as string[] | undefined)}`,
      jsonList(check.entrypoint),
    );
  }
  if (check.entrypoint) facts.push(`ENTRYPOINT ${jsonList(check.entrypoint)}`);
  if (check.exposedPorts) {
    const exposed = Object.keys(config.ExposedPorts ?? {});
    for (const port of check.exposedPorts.map((p) => (p.includes("/") ? p : `${p}/tcp`))) {
      if (!exposed.includes(port)) return mismatch(subject, `exposes ${list(exposed, "no ports")}`, port);
    }
    facts.push(`exposes ${check.exposedPorts.join(", ")}`);
  }
  if (check.workdir !== undefined && (config.WorkingDir ?? "") !== check.workdir) {
    return mismatch(subject, `has WORKDIR ${config.WorkingDir || "/ (none set)"}`, check.workdir);
  }
  if (check.user !== undefined && (config.User ?? "") !== check.user) {
    return mismatch(subject, `runs as user ${config.User || "root (none set)"}`, check.user);
  }
  if (check.layers !== undefined) {
    const count = info.RootFS?.Layers?.length ?? 0;
    const outcome = inRange(
      subject,
      `has ${count} ${plural("layers", count)}`,
      count,
      check.layers,
      "layers",
    );
    if (!outcome.passed) return outcome;
    facts.push(`${count} ${plural("layers", count)}`);
  }
  if (check.maxSize !== undefined) {
    const max = parseSize(check.maxSize);
    if (info.Size > max)
      return mismatch(subject, `is ${formatSize(info.Size)}`, `at most ${formatSize(max)}`);
    facts.push(`${formatSize(info.Size)}`);
  }
  return pass(`${subject} exists${facts.length > 0 ? ` (${facts.join(", ")})` : ""}`);
}

function sameList(actual: string[] | null | undefined, expected: string[]): boolean {
  const a = actual ?? [];
  return a.length === expected.length && a.every((item, i) => item === expected[i]);
}

/** A count against `n` or `{min, max}`. */
export function inRange(
  subject: string,
  actual: string,
  value: number,
  range: number | { min?: number; max?: number },
  noun: string,
): Outcome {
  const counted = (n: number) => `${n} ${plural(noun, n)}`;
  if (typeof range === "number")
    return value === range ? pass("") : mismatch(subject, actual, counted(range));
  if (range.min !== undefined && value < range.min)
    return mismatch(subject, actual, `at least ${counted(range.min)}`);
  if (range.max !== undefined && value > range.max)
    return mismatch(subject, actual, `at most ${counted(range.max)}`);
  return pass("");
}

/** `layers` → `layer` when there is one. */
export function plural(noun: string, n: number): string {
  return n === 1 ? noun.replace(/s$/, "") : noun;
}

const units: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

export function parseSize(size: number | string): number {
  if (typeof size === "number") return size;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
  return match ? Number(match[1]) * (units[(match[2] || "b").toLowerCase()] ?? 1) : Number.NaN;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)}GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)}MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)}kB`;
  return `${bytes}B`;
}
