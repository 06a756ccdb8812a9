/** Two `container:` fields read from how the container was made: its restart policy, and the image reference it was created from. */
import { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { ContainerInfo } from "./containers.js";
import { mismatch, pass } from "./diagnosis.js";
import type { Outcome } from "./result.js";

export const restartPolicies = ["no", "always", "unless-stopped", "on-failure"] as const;

/** A policy name, or `on-failure:N` to also ask for at most N restart attempts. */
export const restartPolicy = z.union([
  z.enum(restartPolicies),
  z.string().regex(/^on-failure:\d{1,9}$/, 'expected a restart policy, or "on-failure:N"'),
]);

/** `on-failure` alone accepts any retry limit; `on-failure:3` wants that limit. */
export function matchRestart(subject: string, wanted: string, info: ContainerInfo): Outcome {
  const name = info.HostConfig.RestartPolicy?.Name || "no";
  const retries = info.HostConfig.RestartPolicy?.MaximumRetryCount ?? 0;
  const policy = wanted.includes(":") && name === "on-failure" ? `${name}:${retries}` : name;
  const actual = name === "on-failure" && retries > 0 ? `${name}:${retries}` : name;
  if (policy !== wanted) return mismatch(subject, `has restart policy ${actual}`, wanted);
  return pass(`restart ${wanted}`);
}

/** Created from `name@sha256:…` (or not): the reference as given, kept in Config.Image. */
export function matchByDigest(subject: string, wanted: boolean, info: ContainerInfo): Outcome {
  const pinned = info.Config.Image.includes("@sha256:");
  if (pinned !== wanted)
    return mismatch(
      subject,
      `was created from ${info.Config.Image}`,
      wanted ? "an image named by digest (name@sha256:…)" : "an image named by tag",
    );
  return pass(pinned ? "created by digest" : "created by tag");
}

/** The restart policy and byDigest in words, for authors (preview). */
export function describeSettings(check: { restart?: string; byDigest?: boolean }, t: Translate): string[] {
  const facts: string[] = [];
  if (check.restart) facts.push(t("check.container.restart", { policy: check.restart }));
  if (check.byDigest !== undefined)
    facts.push(t(check.byDigest ? "check.container.byDigest" : "check.container.notByDigest"));
  return facts;
}
