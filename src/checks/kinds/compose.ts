/** `compose:` checks, by project label, so `docker compose` and `docker-compose` both pass. */
import { composeProjectLabel, composeServiceLabel } from "../containers.js";
import type { CheckContext } from "../context.js";
import { fail, mismatch, pass } from "../diagnosis.js";
import type { Outcome } from "../result.js";
import type { ComposeCheck } from "../vocabulary.js";

export async function evaluateCompose(check: ComposeCheck, ctx: CheckContext): Promise<Outcome> {
  const containers = await ctx.docker.listContainers({
    all: true,
    filters: { label: [`${composeProjectLabel}=${check.compose}`] },
  });
  const subject = `compose project ${check.compose}`;
  if (containers.length === 0) return fail(`${subject} has no containers (is it up?)`);
  const running = new Map<string, number>();
  for (const c of containers) {
    const service = c.Labels[composeServiceLabel] ?? "?";
    running.set(service, (running.get(service) ?? 0) + (c.State === "running" ? 1 : 0));
  }
  const summary = [...running.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, n]) => `${service} ×${n}`)
    .join(", ");
  for (const service of check.services ?? []) {
    if (!running.get(service)) {
      return mismatch(subject, `runs ${summary}`, `${service} running`);
    }
  }
  for (const [service, wanted] of Object.entries(check.count ?? {})) {
    if ((running.get(service) ?? 0) !== wanted)
      return mismatch(subject, `runs ${summary}`, `${service} ×${wanted}`);
  }
  return pass(`${subject} runs ${summary}`);
}
