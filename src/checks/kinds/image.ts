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
import { fail, inRange, jsonList, listedOr, mismatch, pass, said, typoHint } from "../diagnosis.js";
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
  const { t } = ctx;
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
      .filter((tag) => tag !== "<none>:<none>")
      .filter((tag) => owns(ctx.resources, "images", tag) || declared.has(normalizeImageRef(tag)));
    const near = closest(normalizeImageRef(ref), tags.map(normalizeImageRef));
    return fail(`${t("diag.noImage", { ref })}${typoHint(near, t)}`);
  }
  const subject = t("check.image.subject", { ref });
  const config = info.Config ?? ({} as typeof info.Config);
  const has = (fact: string) => said(subject, fact);

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
        t,
        has(t("diag.image.id", { id: shortId(info.Id) })),
        other
          ? t("diag.image.sameId", { other: check.sameAs, id: shortId(other) })
          : t("diag.image.sameIdMissing", { other: check.sameAs }),
      );
    }
  }
  for (const outcome of [
    check.labels && matchPairs(t, subject, config.Labels, check.labels, "label"),
    check.env && matchPairs(t, subject, envMap(config.Env), check.env, "env"),
  ]) {
    if (outcome && !outcome.passed) return outcome;
  }
  if (check.cmd && !sameList(config.Cmd, check.cmd))
    return mismatch(t, has(t("check.image.cmd", { cmd: jsonList(config.Cmd) })), jsonList(check.cmd));
  const entrypoint = config.Entrypoint as string[] | undefined;
  if (check.entrypoint && !sameList(entrypoint, check.entrypoint))
    return mismatch(
      t,
      has(t("check.image.entrypoint", { entrypoint: jsonList(entrypoint) })),
      jsonList(check.entrypoint),
    );
  if (check.exposedPorts) {
    const exposed = Object.keys(config.ExposedPorts ?? {});
    const found = listedOr(exposed, t("diag.image.noExposed"), (ports) =>
      t("check.image.exposes", { ports }),
    );
    for (const port of check.exposedPorts.map((p) => (p.includes("/") ? p : `${p}/tcp`))) {
      if (!exposed.includes(port)) return mismatch(t, has(found), port);
    }
  }
  if (check.workdir !== undefined && (config.WorkingDir ?? "") !== check.workdir) {
    const dir = config.WorkingDir || t("diag.image.noWorkdir");
    return mismatch(t, has(t("check.image.workdir", { dir })), check.workdir);
  }
  if (check.user !== undefined && (config.User ?? "") !== check.user) {
    const user = config.User || t("diag.image.noUser");
    return mismatch(t, has(t("check.image.user", { user })), check.user);
  }
  if (check.layers !== undefined) {
    const count = info.RootFS?.Layers?.length ?? 0;
    const found = has(t("check.image.layers", { range: count, count }));
    const outcome = inRange(t, found, count, check.layers, (range, n) =>
      t("diag.count.layers", { range, count: n }),
    );
    if (!outcome.passed) return outcome;
  }
  if (check.maxSize !== undefined) {
    const max = parseBytes(check.maxSize);
    if (info.Size > max)
      return mismatch(
        t,
        has(t("diag.image.size", { size: formatBytes(info.Size) })),
        t("check.range.atMost", { max: formatBytes(max) }),
      );
  }
  return pass();
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
