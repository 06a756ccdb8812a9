/** `doctor`'s core: is everything the tutor needs here? Each failure comes with its fix. */
import { statfs } from "node:fs/promises";
import { closeClient, probeEngine } from "../engine/client.js";
import { discoverEngine } from "../engine/discover.js";
import { composeVersion, detectBuilder, detectCompose, findOnPath } from "../engine/tools.js";
import type { Translate } from "../i18n/index.js";
import { loadPacks, packDirs } from "../pack/sources.js";
import { formatBytes } from "../text/bytes.js";
import { normalizeImageRef } from "../world/image-refs.js";
import { missingImages } from "../world/images.js";
import { unmetNeeds } from "./needs.js";

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix: string | undefined;
  /** Errors make the engine unusable (exit 1); warnings are worth fixing but the tutor still runs. */
  level: "error" | "warning";
}

const lowDiskBytes = 2 * 1024 ** 3;

export interface DoctorReport {
  ok: boolean;
  engine: {
    reachable: boolean;
    host: string;
    source: string;
    version: string | null;
    apiVersion: string | null;
    /** What `docker build` uses here. */
    builder: "buildkit" | "classic" | null;
    compose: { command: string; version: string | null } | null;
  };
  checks: DoctorCheck[];
}

/** Every check doctor makes; the report says what it found, renderers draw it. */
export async function diagnose(
  env: NodeJS.ProcessEnv,
  extraPacks: string[],
  t: Translate,
): Promise<DoctorReport> {
  const target = await discoverEngine(env);
  const [probe, docker, compose, builder, packs, disk] = await Promise.all([
    // Podman answers /version in about 2 s: the same 5 s connectEngine allows.
    probeEngine(target, 5000),
    findOnPath("docker", env),
    detectCompose(env),
    detectBuilder(env),
    loadPacks(packDirs(extraPacks, env)),
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
  const composeAt = compose && (await composeVersion(compose, env));
  const composeWords =
    compose &&
    `${compose}${composeAt ? ` ${composeAt}` : ""}${compose === "docker-compose" && composeAt?.startsWith("1.") ? `, ${t("doctor.composeV1")}` : ""}`;
  checks.push(tool(t("doctor.compose"), composeWords, t("doctor.installCompose")));
  if (builder)
    checks.push({
      name: t("doctor.builder"),
      ok: true,
      detail: t(builder === "buildkit" ? "doctor.builderBuildkit" : "doctor.builderClassic"),
      fix: undefined,
      level: "warning",
    });

  const needed = [
    ...new Set(packs.packs.flatMap((p) => p.lessons.flatMap((l) => l.meta.images)).map(normalizeImageRef)),
  ];
  if (probe.ok && needed.length > 0) {
    const missing = await missingImages(probe.docker, needed).catch(() => needed);
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
  if (probe.ok) {
    const facts = {
      apiVersion: probe.info.apiVersion,
      podman: probe.info.podman,
      builder,
      compose: compose ? { command: compose, version: composeAt } : undefined,
    };
    const held = packs.packs
      .flatMap((p) => p.lessons)
      .flatMap((lesson) => {
        const unmet = unmetNeeds(lesson.meta.engine, facts);
        return unmet.length > 0 ? [`${lesson.id} (${unmet.join("; ")})`] : [];
      });
    if (held.length > 0)
      checks.push({
        name: t("doctor.needs"),
        ok: false,
        detail: t("doctor.needsUnmet", { lessons: held.join(", ") }),
        fix: t("doctor.needsFix"),
        level: "warning",
      });
  }
  if (disk !== undefined) {
    const low = disk < lowDiskBytes;
    checks.push({
      name: t("doctor.disk"),
      ok: !low,
      detail: low
        ? t("doctor.diskLow", { free: formatBytes(disk, { spaced: true }), dir: process.cwd() })
        : formatBytes(disk, { spaced: true }),
      fix: low ? t("doctor.freeDisk") : undefined,
      level: "warning",
    });
  }

  // Done with the engine: nothing of its client may keep the process alive after the report.
  if (probe.ok) closeClient(probe.docker);
  const ok = checks.every((c) => c.ok || c.level === "warning");
  const engine = {
    reachable: probe.ok,
    host: target.host,
    source: target.source,
    version: probe.ok ? probe.info.version : null,
    apiVersion: probe.ok ? probe.info.apiVersion : null,
    builder: builder ?? null,
    compose: compose ? { command: compose, version: composeAt ?? null } : null,
  };
  return { ok, engine, checks };
}
