/** `compose:` checks, by project label, so `docker compose` and `docker-compose` both pass. */

import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { composeProjectLabel, composeServiceLabel } from "../../world/labels.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { fail, mismatch, pass } from "../diagnosis.js";
import { joinWords, sentence } from "../phrases.js";
import type { Outcome } from "../result.js";
import { name } from "../schema-parts.js";

export const composeCheck = z.strictObject({
  compose: name,
  services: z.array(name).optional(),
  count: z.record(z.string(), z.number().int().min(0)).optional(),
});

export type ComposeCheck = CheckOf<"compose", typeof composeCheck>;

async function evaluateCompose(check: ComposeCheck, ctx: CheckContext): Promise<Outcome> {
  const containers = await ctx.docker.listContainers({
    all: true,
    filters: { label: [`${composeProjectLabel}=${check.compose}`] },
  });
  const { t } = ctx;
  const subject = t("check.compose.subject", { project: check.compose });
  if (containers.length === 0) return fail(t("diag.compose.empty", { subject }));
  const running = new Map<string, number>();
  for (const c of containers) {
    const service = c.Labels[composeServiceLabel] ?? "?";
    running.set(service, (running.get(service) ?? 0) + (c.State === "running" ? 1 : 0));
  }
  // `web ×2, db ×1`: running containers per service, as `docker compose ps` would count them.
  const summary = [...running.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, n]) => `${service} ×${n}`)
    .join(", ");
  const found = t("diag.compose.runs", { subject, summary });
  for (const service of check.services ?? []) {
    if (!running.get(service)) return mismatch(t, found, t("diag.compose.running", { service }));
  }
  for (const [service, wanted] of Object.entries(check.count ?? {})) {
    if ((running.get(service) ?? 0) !== wanted) return mismatch(t, found, `${service} ×${wanted}`);
  }
  return pass();
}

function describeCompose(check: ComposeCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.services)
    facts.push(
      t("check.compose.services", { services: joinWords(check.services, t), count: check.services.length }),
    );
  for (const [service, count] of Object.entries(check.count ?? {}))
    facts.push(t("check.compose.count", { service, count }));
  return sentence(
    t("check.compose.subject", { project: check.compose }),
    facts,
    t("check.compose.anyContainer"),
    t,
  );
}

export const composeKind = defineCheckKind<"compose", ComposeCheck>({
  key: "compose",
  schema: composeCheck,
  label: (check) => `compose project ${check.compose}`,
  describe: describeCompose,
  references: (check) => [{ kind: "projects", name: check.compose }],
  evaluate: evaluateCompose,
});
