/** `network:` checks: presence, driver, internal, attached containers, and name resolution between containers. */

import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { closest } from "../../text/similar.js";
import { owns, sameNetwork } from "../../world/ownership.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, type CheckReference, defineCheckKind } from "../check-kind.js";
import { containerName, isNotFound } from "../containers.js";
import { fail, list, mismatch, pass, typoHint } from "../diagnosis.js";
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
  let info: { Driver: string; Internal?: boolean; Containers?: Record<string, { Name: string }> };
  try {
    info = await ctx.docker.getNetwork(check.network).inspect();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const names = (await ctx.docker.listNetworks())
      .map((n) => n.Name)
      .filter((n) => owns(ctx.resources, "networks", n));
    return fail(`no network named ${check.network}${typoHint(closest(check.network, names))}`);
  }
  const subject = `network ${check.network}`;
  const facts: string[] = [];
  if (check.driver && info.Driver !== check.driver)
    return mismatch(subject, `uses driver ${info.Driver}`, check.driver);
  if (check.internal !== undefined && Boolean(info.Internal) !== check.internal) {
    return mismatch(
      subject,
      info.Internal ? "is internal" : "is not internal",
      check.internal ? "internal" : "not internal",
    );
  }
  if (check.containers) {
    // The network's own list holds running containers only; a stopped one is attached through its settings.
    const attached = new Set(Object.values(info.Containers ?? {}).map((c) => c.Name));
    for (const name of check.containers) {
      if (attached.has(name)) continue;
      const settings = await ctx.docker
        .getContainer(name)
        .inspect()
        .then(
          (c) => c.NetworkSettings?.Networks ?? {},
          () => undefined,
        );
      if (!settings || !Object.keys(settings).some((name) => sameNetwork(name, check.network))) {
        return mismatch(subject, `has ${list([...attached].sort(), "no containers")}`, `${name} attached`);
      }
    }
    facts.push(`has ${check.containers.join(", ")}`);
  }
  if (check.resolves) {
    const { from, name } = check.resolves;
    const fromInfo = await ctx.docker
      .getContainer(from)
      .inspect()
      .catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
    if (!fromInfo) return fail(`no container named ${from}, so nothing resolves ${name} from it`);
    if (!fromInfo.State.Running) {
      return mismatch(
        `container ${containerName(fromInfo)}`,
        `is ${fromInfo.State.Status}`,
        `running, to resolve ${name}`,
      );
    }
    // A helper in the container's network namespace sees the same names (its resolv.conf and hosts
    // come from the container), and works even when the container itself has no shell or nslookup.
    // busybox has nslookup, Debian-based images getent: whichever the helper image has.
    const quoted = `'${name.replace(/'/g, `'\\''`)}'`;
    const script = `nslookup ${quoted} >/dev/null 2>&1 || getent hosts ${quoted} >/dev/null 2>&1`;
    const run = await runHelper(ctx, ["sh", "-c", script], { joinNetworkOf: fromInfo.Id });
    if (run.exitCode !== 0)
      return mismatch(`from ${from}, the name ${name}`, "does not resolve", "it to resolve");
    facts.push(`${from} resolves ${name}`);
  }
  return pass(`${subject} exists${facts.length > 0 ? ` (${facts.join(", ")})` : ""}`);
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
