/** `docker-tutor doctor [--json]`: is everything the tutor needs here? Each failure comes with its fix. */
import { statfs } from "node:fs/promises";
import type { CommandContext } from "../context.js";
import { probeEngine } from "../engine/client.js";
import { discoverEngine } from "../engine/discover.js";
import { detectCompose, findOnPath } from "../engine/tools.js";
import { ExitCode } from "../errors.js";
import { normalizeImageRef } from "../lessons/ownership.js";
import { loadPacks, packDirs } from "../lessons/pack-sources.js";
import { palette } from "../render/style.js";

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix: string | undefined;
  /** Errors make the engine unusable (exit 1); warnings are worth fixing but the tutor still runs. */
  level: "error" | "warning";
}

const lowDiskBytes = 2 * 1024 ** 3;

export async function runDoctor(ctx: CommandContext, options: { json?: boolean }): Promise<void> {
  const { t } = ctx;
  const target = await discoverEngine(ctx.env);
  const [probe, docker, compose, packs, disk] = await Promise.all([
    probeEngine(target),
    findOnPath("docker", ctx.env),
    detectCompose(ctx.env),
    loadPacks(packDirs(ctx.packs, ctx.env)),
    statfs(process.cwd()).then(
      (s) => s.bavail * s.bsize,
      () => undefined,
    ),
  ]);

  const checks: DoctorCheck[] = [];
  if (probe.ok) {
    checks.push({
      name: t("doctor.engine"),
      ok: true,
      detail: `${t("doctor.engineVia", { host: target.host, source: target.source })}; ${t("doctor.versions", { version: probe.info.version, api: probe.info.apiVersion })}`,
      fix: undefined,
      level: "error",
    });
  } else {
    checks.push({
      name: t("doctor.engine"),
      ok: false,
      detail: probe.failure.message,
      fix: probe.failure.fix,
      level: "error",
    });
  }
  // A command-line tool: where it was found, or how to install it.
  const tool = (name: string, found: string | undefined, fix: string): DoctorCheck => ({
    name,
    ok: Boolean(found),
    detail: found ?? t("doctor.notOnPath"),
    fix: found ? undefined : fix,
    level: "warning",
  });
  checks.push(tool(t("doctor.cli"), docker, t("doctor.installCli")));
  checks.push(tool(t("doctor.compose"), compose, t("doctor.installCompose")));

  const needed = [
    ...new Set(packs.packs.flatMap((p) => p.lessons.flatMap((l) => l.meta.images)).map(normalizeImageRef)),
  ];
  if (probe.ok && needed.length > 0) {
    const present = new Set<string>();
    const images = await probe.docker.listImages().catch(() => []);
    for (const image of images) for (const tag of image.RepoTags ?? []) present.add(normalizeImageRef(tag));
    const missing = needed.filter((ref) => !present.has(ref));
    checks.push({
      name: t("doctor.images"),
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? t("doctor.imagesPresent", { count: needed.length })
          : t("doctor.imagesMissing", { images: missing.join(", ") }),
      fix: missing.length === 0 ? undefined : t("doctor.imagesFix"),
      level: "warning",
    });
  }
  if (disk !== undefined) {
    const low = disk < lowDiskBytes;
    checks.push({
      name: t("doctor.disk"),
      ok: !low,
      detail: low ? t("doctor.diskLow", { free: formatBytes(disk), dir: process.cwd() }) : formatBytes(disk),
      fix: low ? t("doctor.freeDisk") : undefined,
      level: "warning",
    });
  }

  const ok = checks.every((c) => c.ok || c.level === "warning");
  if (options.json) {
    const engine = {
      reachable: probe.ok,
      host: target.host,
      source: target.source,
      version: probe.ok ? probe.info.version : null,
      apiVersion: probe.ok ? probe.info.apiVersion : null,
    };
    ctx.output.out(JSON.stringify({ ok, engine, checks }, null, 2));
  } else {
    const c = palette(ctx.color);
    for (const check of checks) {
      const mark = check.ok ? c.green("✔") : check.level === "error" ? c.red("✖") : c.yellow("!");
      ctx.output.out(`${mark} ${check.name}: ${check.detail}${check.fix ? c.dim(` — ${check.fix}`) : ""}`);
    }
    ctx.output.out(ok ? t("doctor.ok") : t("doctor.notOk"));
  }
  if (!ok) throw new ExitCode(1);
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}
