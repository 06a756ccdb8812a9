/** `network:` checks: presence, driver, internal, attached containers, and name resolution between containers. */

import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { closest } from "../../text/similar.js";
import { owns, sameNetwork } from "../../world/ownership.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, type CheckReference, defineCheckKind } from "../check-kind.js";
import { containerName, isNotFound } from "../containers.js";
import { fail, listedOr, mismatch, pass, said, typoHint } from "../diagnosis.js";
import { runHelper } from "../helper.js";
import { joinWords, sentence } from "../phrases.js";
import type { Outcome } from "../result.js";
import { name } from "../schema-parts.js";

export const networkCheck = z.strictObject({
  network: name,
  driver: name.optional(),
  internal: z.boolean().optional(),
  containers: z.array(name).optional(),
  resolves: z.strictObject({ from: name, name: name }).optional(),
});

export type NetworkCheck = CheckOf<"network", typeof networkCheck>;

async function evaluateNetwork(check: NetworkCheck, ctx: CheckContext): Promise<Outcome> {
  const { t } = ctx;
  let info: { Driver: string; Internal?: boolean; Containers?: Record<string, { Name: string }> };
  try {
    info = await ctx.docker.getNetwork(check.network).inspect();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const names = (await ctx.docker.listNetworks())
      .map((n) => n.Name)
      .filter((n) => owns(ctx.resources, "networks", n));
    return fail(
      `${t("diag.noNetwork", { name: check.network })}${typoHint(closest(check.network, names), t)}`,
    );
  }
  const subject = t("check.network.subject", { name: check.network });
  if (check.driver && info.Driver !== check.driver)
    return mismatch(t, said(subject, t("check.network.driver", { driver: info.Driver })), check.driver);
  if (check.internal !== undefined && Boolean(info.Internal) !== check.internal) {
    return mismatch(
      t,
      said(subject, t(info.Internal ? "check.network.internal" : "check.network.notInternal")),
      t(check.internal ? "diag.network.internal" : "diag.network.notInternal"),
    );
  }
  if (check.containers) {
    const outcome = await matchAttached(check.network, check.containers, info, subject, ctx);
    if (!outcome.passed) return outcome;
  }
  if (check.resolves) return matchResolves(check.resolves, ctx);
  return pass();
}

async function matchAttached(
  network: string,
  containers: string[],
  info: { Containers?: Record<string, { Name: string }> },
  subject: string,
  ctx: CheckContext,
): Promise<Outcome> {
  const { t } = ctx;
  // The network's own list holds running containers only; a stopped one is attached through its settings.
  const attached = new Set(Object.values(info.Containers ?? {}).map((c) => c.Name));
  for (const name of containers) {
    if (attached.has(name)) continue;
    const settings = await ctx.docker
      .getContainer(name)
      .inspect()
      .then(
        (c) => c.NetworkSettings?.Networks ?? {},
        () => undefined,
      );
    if (settings && Object.keys(settings).some((other) => sameNetwork(other, network))) continue;
    const found = listedOr([...attached].sort(), t("diag.network.noContainers"), (names) =>
      t("check.network.containers", { containers: names }),
    );
    return mismatch(t, said(subject, found), t("diag.network.attached", { name }));
  }
  return pass();
}

async function matchResolves(resolves: { from: string; name: string }, ctx: CheckContext): Promise<Outcome> {
  const { t } = ctx;
  const { from, name } = resolves;
  const fromInfo = await ctx.docker
    .getContainer(from)
    .inspect()
    .catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
  if (!fromInfo) return fail(t("diag.network.noFrom", { from, name }));
  if (!fromInfo.State.Running) {
    const container = t("check.container.subject", { name: containerName(fromInfo) });
    return mismatch(
      t,
      said(container, t("check.container.state", { state: fromInfo.State.Status })),
      t("diag.network.runningToResolve", { name }),
    );
  }
  // A helper in the container's network namespace sees the same names (its resolv.conf and hosts
  // come from the container), and works even when the container itself has no shell or nslookup.
  // busybox has nslookup, Debian-based images getent: whichever the helper image has.
  const quoted = `'${name.replace(/'/g, `'\\''`)}'`;
  const script = `nslookup ${quoted} >/dev/null 2>&1 || getent hosts ${quoted} >/dev/null 2>&1`;
  const run = await runHelper(ctx, ["sh", "-c", script], { joinNetworkOf: fromInfo.Id });
  if (run.exitCode !== 0)
    return mismatch(t, t("diag.network.noResolve", { from, name }), t("diag.network.toResolve"));
  return pass();
}

function describeNetwork(check: NetworkCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.driver) facts.push(t("check.network.driver", { driver: check.driver }));
  if (check.internal !== undefined)
    facts.push(t(check.internal ? "check.network.internal" : "check.network.notInternal"));
  if (check.containers)
    facts.push(t("check.network.containers", { containers: joinWords(check.containers, t) }));
  if (check.resolves) facts.push(t("check.network.resolves", check.resolves));
  return sentence(t("check.network.subject", { name: check.network }), facts, t("check.exists"), t);
}

export const networkKind = defineCheckKind<"network", NetworkCheck>({
  key: "network",
  schema: networkCheck,
  label: (check) => `network ${check.network}`,
  describe: describeNetwork,
  references: (check) => {
    const refs: CheckReference[] = [{ kind: "networks", name: check.network }];
    for (const name of check.containers ?? []) refs.push({ kind: "containers", name });
    if (check.resolves) refs.push({ kind: "containers", name: check.resolves.from });
    return refs;
  },
  evaluate: evaluateNetwork,
});
