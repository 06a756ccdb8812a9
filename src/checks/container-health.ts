/**
 * Three `container:` fields about keeping a container healthy: the status of its healthcheck, and the
 * memory and CPU limits it runs under (HostConfig, as `docker run --memory/--cpus` or Compose set them).
 */
import { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { ContainerInfo } from "./containers.js";
import { mismatch, pass, said } from "./diagnosis.js";
import type { Outcome } from "./result.js";

/** `none` is a container without a healthcheck. */
export const healthStatuses = ["starting", "healthy", "unhealthy", "none"] as const;

/** Bytes, or a size as `docker run --memory` takes it: `64m`, `64MB`, `1.5g`, `512MiB` (all binary). */
export const memorySize = z.union([
  z.number().int().min(1),
  z.string().regex(/^\s*\d+(?:\.\d+)?\s*[kmgt]?i?b?\s*$/i, 'expected a size like "64m"'),
]);

/** A number of CPUs, as `--cpus` takes it: `0.5`, `2`. */
export const cpuCount = z.number().positive().max(1024);

const binaryUnits: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `64m` → 67108864, as Docker reads it (go-units RAMInBytes: every unit is binary). */
export function memoryBytes(size: number | string): number {
  if (typeof size === "number") return size;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(size);
  if (!match) return Number.NaN;
  return Math.round(Number(match[1]) * (binaryUnits[(match[2] ?? "").toLowerCase()] ?? 1));
}

/** 67108864 → `64 MiB`: the largest binary unit that divides it. */
export function formatMemory(bytes: number): string {
  for (const [unit, size] of [
    ["GiB", 1024 ** 3],
    ["MiB", 1024 ** 2],
    ["KiB", 1024],
  ] as const) {
    if (bytes > 0 && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} B`;
}

export function matchHealth(t: Translate, subject: string, wanted: string, info: ContainerInfo): Outcome {
  const status = info.State.Health?.Status || "none";
  if (status === wanted) return pass();
  if (status === "none")
    return mismatch(
      t,
      said(subject, t("diag.container.noHealthcheck")),
      t("diag.container.health", { health: wanted }),
    );
  const expected = wanted === "none" ? t("diag.container.healthNone") : wanted;
  return mismatch(t, said(subject, t("check.container.health", { health: status })), expected);
}

export function matchMemory(
  t: Translate,
  subject: string,
  wanted: number | string,
  info: ContainerInfo,
): Outcome {
  const limit = info.HostConfig.Memory ?? 0;
  const expected = memoryBytes(wanted);
  if (limit === expected) return pass();
  const found =
    limit === 0
      ? t("diag.container.noMemoryLimit")
      : t("diag.container.memoryLimit", { memory: formatMemory(limit) });
  return mismatch(t, said(subject, found), t("diag.container.memory", { memory: formatMemory(expected) }));
}

/** `--cpus` sets NanoCpus; `--cpu-quota` with `--cpu-period` (and Podman, beside NanoCpus) a quota per period. */
export function matchCpus(t: Translate, subject: string, wanted: number, info: ContainerInfo): Outcome {
  const host = info.HostConfig as ContainerInfo["HostConfig"] & { NanoCpus?: number };
  const nano = host.NanoCpus ?? 0;
  const quota = host.CpuQuota ?? 0;
  const period = host.CpuPeriod || 100_000;
  const cpus = nano > 0 ? nano / 1e9 : quota > 0 ? quota / period : 0;
  if (Math.abs(cpus - wanted) < 0.001) return pass();
  const found = cpus === 0 ? t("diag.container.noCpuLimit") : t("diag.container.cpuLimit", { cpus });
  return mismatch(t, said(subject, found), t("diag.container.cpus", { cpus: wanted }));
}

/** The outcomes of the fields a check gives, in order. */
export function matchHealthAndLimits(
  t: Translate,
  subject: string,
  check: { health?: string; memory?: number | string; cpus?: number },
  info: ContainerInfo,
): Outcome[] {
  const outcomes: Outcome[] = [];
  if (check.health) outcomes.push(matchHealth(t, subject, check.health, info));
  if (check.memory !== undefined) outcomes.push(matchMemory(t, subject, check.memory, info));
  if (check.cpus !== undefined) outcomes.push(matchCpus(t, subject, check.cpus, info));
  return outcomes;
}

/** The three fields in words, for authors (preview). */
export function describeHealthAndLimits(
  check: { health?: string; memory?: number | string; cpus?: number },
  t: Translate,
): string[] {
  const facts: string[] = [];
  if (check.health !== undefined) facts.push(t("check.container.health", { health: check.health }));
  if (check.memory !== undefined)
    facts.push(t("check.container.memory", { memory: formatMemory(memoryBytes(check.memory)) }));
  if (check.cpus !== undefined) facts.push(t("check.container.cpus", { cpus: check.cpus }));
  return facts;
}
