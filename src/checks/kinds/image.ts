/** `image:` checks: presence, labels, env, cmd, entrypoint, exposed ports, workdir, user, layers, size. */

import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { formatBytes, parseBytes } from "../../text/bytes.js";
import { closest } from "../../text/similar.js";
import { normalizeImageRef } from "../../world/image-refs.js";
import { owns } from "../../world/ownership.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { isNotFound } from "../containers.js";
import { fail, inRange, jsonList, list, mismatch, pass, plural, typoHint } from "../diagnosis.js";
import { envMap, matchPairs } from "../pairs.js";
import { joinWords, pairs, range, sentence } from "../phrases.js";
import type { Outcome } from "../result.js";
import { countRange, name, stringMap } from "../schema-parts.js";

/** `80`, `80/tcp`: a port an image exposes. */
const exposedPort = z
  .union([z.number().int().min(1).max(65535), z.string().regex(/^\d{1,5}(?:\/(?:tcp|udp|sctp))?$/)])
  .transform(String);

/** Sizes as bytes or with a unit: 5MB, 1.5 GiB. */
const byteSize = z.union([
  z.number().int().min(0),
  z.string().regex(/^\s*\d+(?:\.\d+)?\s*(?:B|KB|MB|GB|KiB|MiB|GiB|kB)?\s*$/i, 'expected a size like "10MB"'),
]);

export const imageCheck = z.strictObject({
  image: name,
  labels: stringMap.optional(),
  env: stringMap.optional(),
  cmd: z.array(z.string()).optional(),
  entrypoint: z.array(z.string()).optional(),
  exposedPorts: z.array(exposedPort).optional(),
  workdir: z.string().optional(),
  user: z.string().optional(),
  layers: countRange.optional(),
  maxSize: byteSize.optional(),
  /** Another reference that must name this very image (the same image ID): a tag on the right image. */
  sameAs: name.optional(),
});

export type ImageCheck = CheckOf<"image", typeof imageCheck>;

async function evaluateImage(check: ImageCheck, ctx: CheckContext): Promise<Outcome> {
  const ref = check.image;
  let info: Awaited<ReturnType<ReturnType<CheckContext["docker"]["getImage"]>["inspect"]>>;
  try {
    info = await ctx.docker.getImage(ref).inspect();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    // Only images the lesson owns or declares are suggested, never the learner's others.
    const declared = new Set(ctx.images.map(normalizeImageRef));
    const tags = (await ctx.docker.listImages())
      .flatMap((i) => i.RepoTags ?? [])
      .filter((t) => t !== "<none>:<none>")
      .filter((t) => owns(ctx.resources, "images", t) || declared.has(normalizeImageRef(t)));
    const near = closest(normalizeImageRef(ref), tags.map(normalizeImageRef));
    return fail(`no image ${ref}${typoHint(near)}`);
  }
  const subject = `image ${ref}`;
  const config = info.Config ?? ({} as typeof info.Config);
  const facts: string[] = [];

  if (check.sameAs) {
    const other = await ctx.docker
      .getImage(check.sameAs)
      .inspect()
      .then(
        (i) => i.Id,
        (error: unknown) => {
          if (isNotFound(error)) return undefined;
          throw error;
        },
      );
    if (other !== info.Id) {
      const shortId = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);
      return mismatch(
        subject,
        `has ID ${shortId(info.Id)}`,
        other
          ? `the same ID as ${check.sameAs} (${shortId(other)})`
          : `the same ID as ${check.sameAs}, which is missing`,
      );
    }
    facts.push(`the same ID as ${check.sameAs}`);
  }

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
    const max = parseBytes(check.maxSize);
    if (info.Size > max)
      return mismatch(subject, `is ${formatBytes(info.Size)}`, `at most ${formatBytes(max)}`);
    facts.push(`${formatBytes(info.Size)}`);
  }
  return pass(`${subject} exists${facts.length > 0 ? ` (${facts.join(", ")})` : ""}`);
}

function sameList(actual: string[] | null | undefined, expected: string[]): boolean {
  const a = actual ?? [];
  return a.length === expected.length && a.every((item, i) => item === expected[i]);
}

function describeImage(check: ImageCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.labels)
    facts.push(t("check.labels", { pairs: pairs(check.labels), count: Object.keys(check.labels).length }));
  if (check.env) facts.push(t("check.env", { pairs: pairs(check.env) }));
  if (check.cmd) facts.push(t("check.image.cmd", { cmd: jsonList(check.cmd) }));
  if (check.entrypoint) facts.push(t("check.image.entrypoint", { entrypoint: jsonList(check.entrypoint) }));
  if (check.exposedPorts) facts.push(t("check.image.exposes", { ports: joinWords(check.exposedPorts, t) }));
  if (check.workdir !== undefined) facts.push(t("check.image.workdir", { dir: check.workdir || "/" }));
  if (check.user !== undefined) facts.push(t("check.image.user", { user: check.user || "root" }));
  if (check.layers !== undefined) {
    const { words, count } = range(check.layers, t);
    facts.push(t("check.image.layers", { range: words, count }));
  }
  if (check.maxSize !== undefined) {
    const size = typeof check.maxSize === "string" ? check.maxSize.trim() : formatBytes(check.maxSize);
    facts.push(t("check.image.maxSize", { size }));
  }
  if (check.sameAs !== undefined) facts.push(t("check.image.sameAs", { other: check.sameAs }));
  return sentence(t("check.image.subject", { ref: check.image }), facts, t("check.exists"), t);
}

export const imageKind = defineCheckKind<"image", ImageCheck>({
  key: "image",
  schema: imageCheck,
  unionHints: {
    layers: "a number, or {min, max}",
    maxSize: 'bytes, or a size like "10MB"',
    exposedPorts: 'ports like 80 or "80/tcp"',
  },
  label: (check) => `image ${check.image}`,
  describe: describeImage,
  references: (check) => [
    { kind: "images", name: check.image },
    ...(check.sameAs ? [{ kind: "images" as const, name: check.sameAs }] : []),
  ],
  evaluate: evaluateImage,
});
