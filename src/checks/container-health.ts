/**
 * Three `container:` fields about keeping a container healthy: the status of its healthcheck, and the
 * memory and CPU limits it runs under (HostConfig, as `docker run --memory/--cpus` or Compose set them).
 */
import { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { ContainerInfo } from "./containers.js";
import { mismatch, pass } from "./diagnosis.js";
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
  return `${bytes} bytes`;
}

export function matchHealth(subject: string, wanted: string, info: ContainerInfo): Outcome {
  const status = info.State.Health?.Status || "none";
  if (status === wanted) return pass(wanted === "none" ? "no healthcheck" : `health ${status}`);
  if (status === "none") return mismatch(subject, "has no healthcheck", `health ${wanted}`);
  return mismatch(subject, `has health ${status}`, wanted === "none" ? "no healthcheck" : wanted);
}

export function matchMemory(subject: string, wanted: number | string, info: ContainerInfo): Outcome {
  const limit = info.HostConfig.Memory ?? 0;
  const expected = memoryBytes(wanted);
  const said = (bytes: number) => `a memory limit of ${formatMemory(bytes)}`;
  if (limit === expected) return pass(`memory ${formatMemory(limit)}`);
  return mismatch(subject, limit === 0 ? "has no memory limit" : `has ${said(limit)}`, said(expected));
}

/** `--cpus` sets NanoCpus; `--cpu-quota` with `--cpu-period` (and Podman, beside NanoCpus) a quota per period. */
export function matchCpus(subject: string, wanted: number, info: ContainerInfo): Outcome {
  const host = info.HostConfig as ContainerInfo["HostConfig"] & { NanoCpus?: number };
  const nano = host.NanoCpus ?? 0;
  const quota = host.CpuQuota ?? 0;
  const period = host.CpuPeriod || 100_000;
  const cpus = nano > 0 ? nano / 1e9 : quota > 0 ? quota / period : 0;
  if (Math.abs(cpus - wanted) < 0.001) return pass(`${cpus} CPUs`);
  return mismatch(subject, cpus === 0 ? "has no CPU limit" : `is limited to ${cpus} CPUs`, `${wanted} CPUs`);
}

/** The outcomes of the fields a check gives, in order. */
export function matchHealthAndLimits(
  subject: string,
  check: { health?: string; memory?: number | string; cpus?: number },
  info: ContainerInfo,
): Outcome[] {
  const outcomes: Outcome[] = [];
  if (check.health) outcomes.push(matchHealth(subject, check.health, info));
  if (check.memory !== undefined) outcomes.push(matchMemory(subject, check.memory, info));
  if (check.cpus !== undefined) outcomes.push(matchCpus(subject, check.cpus, info));
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
