/** `container:` checks: state, exit code, image, ports, mounts, networks, env, labels, restart policy, health, limits, logs. */
import path from "node:path";
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
import { describeSettings, matchByDigest, matchRestart, restartPolicy } from "../container-settings.js";
import { type ContainerInfo, containerName, findContainers } from "../containers.js";
import { list, mismatch, pass } from "../diagnosis.js";
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
  mounts: z
    .array(
      z.strictObject({
        target: z.string().min(1),
        source: z.string().min(1).optional(),
        type: z.enum(["volume", "bind", "tmpfs"]).optional(),
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
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
  const facts: string[] = [];
  for (const info of found.containers) {
    const outcome = await matchContainer(check, info, ctx);
    if (!outcome.passed) return outcome;
    facts.push(outcome.message);
  }
  return pass(facts.join("; "));
}

async function matchContainer(
  check: ContainerCheck,
  info: ContainerInfo,
  ctx: CheckContext,
): Promise<Outcome> {
  const subject = `container ${containerName(info)}`;
  const status = info.State.Status;
  const facts = [`is ${status}`];

  if (check.state && status !== check.state) return mismatch(subject, `is ${status}`, check.state);
  if (check.exitCode !== undefined) {
    if (status === "running" || status === "created" || status === "paused" || status === "restarting") {
      return mismatch(subject, `is ${status}, so it has no exit code yet`, `exit code ${check.exitCode}`);
    }
    if (info.State.ExitCode !== check.exitCode) {
      return mismatch(subject, `exited with code ${info.State.ExitCode}`, `${check.exitCode}`);
    }
    facts.push(`exit code ${check.exitCode}`);
  }
  if (check.image) {
    const outcome = await matchImage(subject, check.image, info, ctx);
    if (!outcome.passed) return outcome;
    facts.push(`image ${check.image}`);
  }
  if (check.ports) {
    const published = publishedPorts(info);
    for (const wanted of check.ports.map(parsePortSpec)) {
      const hit = published.some(
        (p) =>
          p.hostPort === wanted.hostPort &&
          p.containerPort === wanted.containerPort &&
          p.protocol === wanted.protocol &&
          (!wanted.hostIp || p.hostIp === wanted.hostIp),
      );
      if (!hit)
        return mismatch(
          subject,
          `publishes ${list(published.map(formatPort), "no ports")}`,
          formatPort(wanted),
        );
    }
    facts.push(`publishes ${check.ports.map((p) => formatPort(parsePortSpec(p))).join(", ")}`);
  }
  if (check.mounts) {
    for (const wanted of check.mounts) {
      const outcome = matchMount(subject, wanted, info, ctx.workdir);
      if (!outcome.passed) return outcome;
    }
    facts.push(`mounts ${check.mounts.map((m) => m.target).join(", ")}`);
  }
  if (check.networks) {
    const attached = Object.keys(info.NetworkSettings?.Networks ?? {});
    for (const network of check.networks) {
      if (!attached.some((name) => sameNetwork(name, network)))
        return mismatch(subject, `is on ${list(attached, "no network")}`, network);
    }
    facts.push(`on ${check.networks.join(", ")}`);
  }
  for (const [expected, actual, noun] of [
    [check.env, envMap(info.Config.Env), "env"],
    [check.labels, info.Config.Labels, "label"],
  ] as const) {
    if (!expected) continue;
    const outcome = matchPairs(subject, actual, expected, noun);
    if (!outcome.passed) return outcome;
    facts.push(outcome.message);
  }
  for (const outcome of [
    check.restart && matchRestart(subject, check.restart, info),
    check.byDigest !== undefined && matchByDigest(subject, check.byDigest, info),
  ]) {
    if (!outcome) continue;
    if (!outcome.passed) return outcome;
    facts.push(outcome.message);
  }
  for (const outcome of matchHealthAndLimits(subject, check, info)) {
    if (!outcome.passed) return outcome;
    facts.push(outcome.message);
  }
  if (check.logs) {
    const logs = await readLogs(info, ctx);
    const outcome = matchText(`logs of ${subject}`, logs, check.logs);
    if (!outcome.passed) return outcome;
    facts.push(outcome.message.replace(`logs of ${subject} `, "logs "));
  }
  return pass(`${subject} ${facts.join(", ")}`);
}

async function matchImage(
  subject: string,
  expected: string,
  info: ContainerInfo,
  ctx: CheckContext,
): Promise<Outcome> {
  const configured = info.Config.Image;
  if (normalizeImageRef(configured) === normalizeImageRef(expected)) return pass("");
  // Created from an ID, or from a tag that now points elsewhere: compare image IDs too.
  const expectedId = await ctx.docker
    .getImage(expected)
    .inspect()
    .then(
      (i) => i.Id,
      () => undefined,
    );
  if (expectedId && expectedId === info.Image) return pass("");
  return mismatch(subject, `runs image ${configured}`, expected);
}

function matchMount(
  subject: string,
  wanted: NonNullable<ContainerCheck["mounts"]>[number],
  info: ContainerInfo,
  workdir: string,
): Outcome {
  const mounts = info.Mounts ?? [];
  const mount = mounts.find((m) => m.Destination === wanted.target);
  const describe = (m: (typeof mounts)[number]) =>
    `${m.Type === "volume" ? (m.Name ?? "a volume") : m.Type === "bind" ? m.Source : m.Type} at ${m.Destination}`;
  const wantedText = `${wanted.source ?? "a mount"} at ${wanted.target}`;
  if (!mount)
    return mismatch(
      subject,
      `mounts ${list([...mounts].sort((a, b) => a.Destination.localeCompare(b.Destination)).map(describe), "nothing")}`,
      wantedText,
    );
  if (wanted.type && mount.Type !== wanted.type) {
    return mismatch(subject, `has a ${mount.Type} mount at ${wanted.target}`, `a ${wanted.type} mount`);
  }
  if (wanted.source) {
    const source = mount.Type === "bind" ? mount.Source : (mount.Name ?? "");
    const expected =
      mount.Type === "bind" || wanted.source.startsWith("/") || wanted.source.startsWith(".")
        ? path.resolve(workdir, wanted.source)
        : wanted.source;
    if (source !== expected)
      return mismatch(subject, `mounts ${describe(mount)}`, `${expected} at ${wanted.target}`);
  }
  if (wanted.readOnly !== undefined && mount.RW === wanted.readOnly) {
    const mode = (rw: boolean) => (rw ? "read-write" : "read-only");
    return mismatch(subject, `mounts ${wanted.target} ${mode(mount.RW)}`, mode(!wanted.readOnly));
  }
  return pass("");
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

function mountInWords(mount: NonNullable<ContainerCheck["mounts"]>[number], t: Translate): string {
  const { source, target, type, readOnly } = mount;
  const where = source
    ? t("check.container.mount", { source, target })
    : type
      ? t("check.container.mountOfType", { type, target })
      : t("check.container.mountAny", { target });
  if (readOnly === undefined) return where;
  return t(readOnly ? "check.container.readOnly" : "check.container.readWrite", { mount: where });
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
