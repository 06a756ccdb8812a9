/**
 * Packs from others are untrusted until the learner has seen what they claim: the names they own, the
 * images they use, the commands their checks run inside containers. Trust is kept per pack, per
 * version and per set of claims (a pack that claims more later is asked about again).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Pack } from "../pack/model.js";
import { builtInPackDir } from "../pack/sources.js";
import { writeAtomically } from "../progress/atomic-file.js";
import { lock } from "../progress/lock.js";
import { type ResourceKind, resourceKinds } from "../world/resources.js";

export interface PackClaims {
  id: string;
  version: string;
  dir: string;
  /** Names and `tutor-` patterns the pack's lessons own, by kind. */
  owns: Record<ResourceKind, string[]>;
  images: string[];
  /** Commands its checks run inside containers. */
  execs: { lesson: string; container: string; command: string }[];
  /** Task steps with a reference solution (run only when asked). */
  solutions: number;
}

export function packClaims(pack: Pack): PackClaims {
  const owns = Object.fromEntries(resourceKinds.map((kind) => [kind, [] as string[]])) as Record<
    ResourceKind,
    string[]
  >;
  const images = new Set<string>();
  const execs: PackClaims["execs"] = [];
  let solutions = 0;
  for (const lesson of pack.lessons) {
    for (const kind of resourceKinds)
      for (const name of lesson.meta.resources[kind]) if (!owns[kind].includes(name)) owns[kind].push(name);
    for (const image of lesson.meta.images) images.add(image);
    for (const step of lesson.steps) {
      if (step.solution) solutions++;
      for (const check of step.checks) {
        const inner = check.kind === "not" ? check.not : check;
        if (inner.kind !== "exec") continue;
        const container =
          typeof inner.exec === "string" ? inner.exec : `${inner.exec.project}/${inner.exec.service}`;
        const command = typeof inner.command === "string" ? inner.command : inner.command.join(" ");
        execs.push({ lesson: lesson.id, container, command });
      }
    }
  }
  return {
    id: pack.id,
    version: pack.manifest.version,
    dir: pack.dir,
    owns,
    images: [...images],
    execs,
    solutions,
  };
}

/** The pack's identity for trust: id, version and a digest of what it claims. */
export function trustKey(claims: PackClaims): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([claims.owns, claims.images, claims.execs]))
    .digest("hex")
    .slice(0, 16);
  return `${claims.id}@${claims.version}#${digest}`;
}

export function isBuiltIn(pack: Pack): boolean {
  return path.resolve(pack.dir) === path.resolve(builtInPackDir);
}

/** DOCKER_TUTOR_TRUST=1 (or yes/true): CI trusts the packs it is given without asking. */
export function trustFromEnv(env: NodeJS.ProcessEnv): boolean {
  return ["1", "yes", "true"].includes((env.DOCKER_TUTOR_TRUST ?? "").toLowerCase());
}

const fileName = "trusted-packs.json";

async function readTrusted(home: string): Promise<Set<string>> {
  try {
    const json = JSON.parse(await readFile(path.join(home, fileName), "utf8")) as { trusted?: unknown };
    return new Set(
      Array.isArray(json.trusted) ? json.trusted.filter((k): k is string => typeof k === "string") : [],
    );
  } catch {
    return new Set();
  }
}

/** The packs, of those given, the learner has not trusted yet (the built-in pack always is). */
export async function untrustedPacks(home: string, packs: Pack[]): Promise<PackClaims[]> {
  const trusted = await readTrusted(home);
  return packs
    .filter((pack) => !isBuiltIn(pack))
    .map(packClaims)
    .filter((claims) => !trusted.has(trustKey(claims)));
}

export async function recordTrust(home: string, claims: PackClaims[]): Promise<void> {
  if (claims.length === 0) return;
  await mkdir(home, { recursive: true });
  const release = await lock(path.join(home, "trust.lock"));
  try {
    const trusted = await readTrusted(home);
    for (const c of claims) trusted.add(trustKey(c));
    writeAtomically(
      path.join(home, fileName),
      `${JSON.stringify({ trusted: [...trusted].sort() }, null, 2)}\n`,
    );
  } finally {
    await release();
  }
}
