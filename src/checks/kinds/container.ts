/** `container:` checks: state, exit code, image, ports, mounts, networks, env, labels, restart policy, health, limits, logs. */
import { z } from "zod";
import { collect, demultiplex } from "../../engine/streams.js";
import type { Translate } from "../../i18n/index.js";
import { normalizeImageRef } from "../../world/image-refs.js";
import { sameNetwork } from "../../world/ownership.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, type CheckReference, defineCheckKind } from "../check-kind.js";
import {
  cpuCount,
  describeHealthAndLimits,
  healthStatuses,
  matchHealthAndLimits,
  memorySize,
} from "../container-health.js";
import { matchMounts, mountInWords, wantedMount } from "../container-mounts.js";
import { describeSettings, matchByDigest, matchRestart, restartPolicy } from "../container-settings.js";
import { type ContainerInfo, containerName, findContainers } from "../containers.js";
import { listedOr, mismatch, pass, said } from "../diagnosis.js";
import { envMap, matchPairs } from "../pairs.js";
import { joinWords, pairs, pattern, quoted, sentence } from "../phrases.js";
import { formatPort, parsePortSpec, portInWords, publishedPort, publishedPorts } from "../ports.js";
import type { Outcome } from "../result.js";
import {
  containerRef,
  containerRefHint,
  containerRefReference,
  containerRefWords,
  name,
  refText,
  stringMap,
  textMatch,
} from "../schema-parts.js";
import { matchText } from "../text-match.js";

export const containerStates = ["created", "running", "paused", "restarting", "exited", "dead"] as const;

export const containerCheck = z.strictObject({
  container: containerRef,
  state: z.enum(containerStates).optional(),
  exitCode: z.number().int().optional(),
  image: name.optional(),
  ports: z.array(publishedPort).optional(),
  mounts: z.array(wantedMount).optional(),
  networks: z.array(name).optional(),
  env: stringMap.optional(),
  labels: stringMap.optional(),
  restart: restartPolicy.optional(),
  /** Created from a reference by digest (`name@sha256:…`), not by tag or ID. */
  byDigest: z.boolean().optional(),
  health: z.enum(healthStatuses).optional(),
  memory: memorySize.optional(),
  cpus: cpuCount.optional(),
  logs: textMatch.optional(),
});

export type ContainerCheck = CheckOf<"container", typeof containerCheck>;

async function evaluateContainer(check: ContainerCheck, ctx: CheckContext): Promise<Outcome> {
  const found = await findContainers(check.container, ctx);
  if ("missing" in found) return found.missing;
  for (const info of found.containers) {
    const outcome = await matchContainer(check, info, ctx);
    if (!outcome.passed) return outcome;
  }
  return pass();
}

/** The first field the container does not meet, or a pass. */
async function matchContainer(
  check: ContainerCheck,
  info: ContainerInfo,
  ctx: CheckContext,
): Promise<Outcome> {
  const { t } = ctx;
  const subject = t("check.container.subject", { name: containerName(info) });
  const status = info.State.Status;

  if (check.state && status !== check.state)
    return mismatch(t, said(subject, t("check.container.state", { state: status })), check.state);
  if (check.exitCode !== undefined) {
    const code = check.exitCode;
    if (status === "running" || status === "created" || status === "paused" || status === "restarting")
      return mismatch(
        t,
        said(subject, t("diag.container.noExitCodeYet", { state: status })),
        t("diag.exitCode", { code }),
      );
    if (info.State.ExitCode !== code)
      return mismatch(t, said(subject, t("diag.container.exited", { code: info.State.ExitCode })), `${code}`);
  }
  // The image first, as the fields are listed; it may ask the engine.
  const fields = [
    check.image && (await matchImage(t, subject, check.image, info, ctx)),
    check.ports && matchPorts(t, subject, check.ports, info),
    check.mounts && matchMounts(t, subject, check.mounts, info, ctx.workdir),
    check.networks && matchNetworks(t, subject, check.networks, info),
    check.env && matchPairs(t, subject, envMap(info.Config.Env), check.env, "env"),
    check.labels && matchPairs(t, subject, info.Config.Labels, check.labels, "label"),
    check.restart && matchRestart(t, subject, check.restart, info),
    check.byDigest !== undefined && matchByDigest(t, subject, check.byDigest, info),
    ...matchHealthAndLimits(t, subject, check, info),
  ];
  for (const outcome of fields) if (outcome && !outcome.passed) return outcome;
  if (check.logs) {
    const logs = await readLogs(info, ctx);
    const logsOf = t("diag.container.logs", { name: containerName(info) });
    return matchText(t, logsOf, logs, check.logs);
  }
  return pass();
}

function matchPorts(t: Translate, subject: string, ports: string[], info: ContainerInfo): Outcome {
  const published = publishedPorts(info);
  for (const wanted of ports.map(parsePortSpec)) {
    const hit = published.some(
      (p) =>
        p.hostPort === wanted.hostPort &&
        p.containerPort === wanted.containerPort &&
        p.protocol === wanted.protocol &&
        (!wanted.hostIp || p.hostIp === wanted.hostIp),
    );
    if (hit) continue;
    const found = listedOr(published.map(formatPort), t("diag.container.noPorts"), (list) =>
      t("check.container.ports", { ports: list }),
    );
    return mismatch(t, said(subject, found), formatPort(wanted));
  }
  return pass();
}

function matchNetworks(t: Translate, subject: string, networks: string[], info: ContainerInfo): Outcome {
  const attached = Object.keys(info.NetworkSettings?.Networks ?? {});
  for (const network of networks) {
    if (attached.some((name) => sameNetwork(name, network))) continue;
    const found = listedOr(attached, t("diag.container.noNetwork"), (list) =>
      t("check.container.networks", { networks: list, count: attached.length }),
    );
    return mismatch(t, said(subject, found), network);
  }
  return pass();
}

async function matchImage(
  t: Translate,
  subject: string,
  expected: string,
  info: ContainerInfo,
  ctx: CheckContext,
): Promise<Outcome> {
  const configured = info.Config.Image;
  if (normalizeImageRef(configured) === normalizeImageRef(expected)) return pass();
  // Created from an ID, or from a tag that now points elsewhere: compare image IDs too.
  const expectedId = await ctx.docker
    .getImage(expected)
    .inspect()
    .then(
      (i) => i.Id,
      () => undefined,
    );
  if (expectedId && expectedId === info.Image) return pass();
  return mismatch(t, said(subject, t("check.container.image", { image: configured })), expected);
}

// The last 5,000 lines, and of those at most the first 4 MiB: a check looks for a phrase in recent output,
// and a container that prints without end must not fill the tutor's memory.
const maxLogLines = 5000;
const maxLogBytes = 4 * 1024 * 1024;

async function readLogs(info: ContainerInfo, ctx: CheckContext): Promise<string> {
  const raw = (await ctx.docker
    .getContainer(info.Id)
    .logs({ stdout: true, stderr: true, tail: maxLogLines, follow: false })) as unknown;
  const buffer = Buffer.isBuffer(raw)
    ? raw.subarray(0, maxLogBytes)
    : await collect(raw as NodeJS.ReadableStream, maxLogBytes);
  if (info.Config.Tty) return buffer.toString("utf8");
  const { stdout, stderr } = demultiplex(buffer);
  return stdout + stderr;
}

function describeContainer(check: ContainerCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.state) facts.push(t("check.container.state", { state: check.state }));
  if (check.exitCode !== undefined) facts.push(t("check.container.exitCode", { code: check.exitCode }));
  if (check.image) facts.push(t("check.container.image", { image: check.image }));
  if (check.ports)
    facts.push(t("check.container.ports", { ports: joinWords(check.ports.map(portInWords), t) }));
  if (check.mounts)
    facts.push(
      t("check.container.mounts", {
        mounts: joinWords(
          check.mounts.map((m) => mountInWords(m, t)),
          t,
        ),
      }),
    );
  if (check.networks)
    facts.push(
      t("check.container.networks", { networks: joinWords(check.networks, t), count: check.networks.length }),
    );
  if (check.env) facts.push(t("check.env", { pairs: pairs(check.env) }));
  if (check.labels)
    facts.push(t("check.labels", { pairs: pairs(check.labels), count: Object.keys(check.labels).length }));
  facts.push(...describeSettings(check, t), ...describeHealthAndLimits(check, t));
  if (check.logs?.contains !== undefined)
    facts.push(t("check.container.logsContain", { text: quoted(check.logs.contains, t) }));
  if (check.logs?.matches !== undefined)
    facts.push(t("check.container.logsMatch", { pattern: pattern(check.logs.matches) }));
  return sentence(containerRefWords(check.container, t), facts, t("check.exists"), t);
}

export const containerKind = defineCheckKind<"container", ContainerCheck>({
  key: "container",
  schema: containerCheck,
  unionHints: { container: containerRefHint },
  label: (check) => `container ${refText(check.container)}`,
  describe: describeContainer,
  references: (check) => {
    const refs: CheckReference[] = [containerRefReference(check.container)];
    if (check.image) refs.push({ kind: "images", name: check.image });
    for (const network of check.networks ?? []) refs.push({ kind: "networks", name: network });
    for (const mount of check.mounts ?? []) {
      const named = mount.source && (mount.type === "volume" || (!mount.type && !/^[./]/.test(mount.source)));
      if (named && mount.source) refs.push({ kind: "volumes", name: mount.source });
    }
    return refs;
  },
  evaluate: evaluateContainer,
});
