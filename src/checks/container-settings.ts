/** Two `container:` fields read from how the container was made: its restart policy, and the image reference it was created from. */
import { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { ContainerInfo } from "./containers.js";
import { mismatch, pass, said } from "./diagnosis.js";
import type { Outcome } from "./result.js";

export const restartPolicies = ["no", "always", "unless-stopped", "on-failure"] as const;

/** A policy name, or `on-failure:N` to also ask for at most N restart attempts. */
export const restartPolicy = z.union([
  z.enum(restartPolicies),
  z.string().regex(/^on-failure:\d{1,9}$/, 'expected a restart policy, or "on-failure:N"'),
]);

/** `on-failure` alone accepts any retry limit; `on-failure:3` wants that limit. */
export function matchRestart(t: Translate, subject: string, wanted: string, info: ContainerInfo): Outcome {
  const name = info.HostConfig.RestartPolicy?.Name || "no";
  const retries = info.HostConfig.RestartPolicy?.MaximumRetryCount ?? 0;
  const policy = wanted.includes(":") && name === "on-failure" ? `${name}:${retries}` : name;
  const actual = name === "on-failure" && retries > 0 ? `${name}:${retries}` : name;
  if (policy !== wanted)
    return mismatch(t, said(subject, t("check.container.restart", { policy: actual })), wanted);
  return pass();
}

/** Created from `name@sha256:…` (or not): the reference as given, kept in Config.Image. */
export function matchByDigest(t: Translate, subject: string, wanted: boolean, info: ContainerInfo): Outcome {
  const pinned = info.Config.Image.includes("@sha256:");
  if (pinned !== wanted)
    return mismatch(
      t,
      said(subject, t("diag.container.createdFrom", { image: info.Config.Image })),
      t(wanted ? "diag.container.byDigest" : "diag.container.byTag"),
    );
  return pass();
}

/** The restart policy and byDigest in words, for authors (preview). */
export function describeSettings(check: { restart?: string; byDigest?: boolean }, t: Translate): string[] {
  const facts: string[] = [];
  if (check.restart) facts.push(t("check.container.restart", { policy: check.restart }));
  if (check.byDigest !== undefined)
    facts.push(t(check.byDigest ? "check.container.byDigest" : "check.container.notByDigest"));
  return facts;
}
