/** The `mounts:` field of `container:` checks: volumes, bind mounts and tmpfs, by target; in words. */
import path from "node:path";
import { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { ContainerInfo } from "./containers.js";
import { listedOr, mismatch, pass, said } from "./diagnosis.js";
import type { Outcome } from "./result.js";

/** A mount as a check asks for it: by its target, and optionally its source, type and mode. */
export const wantedMount = z.strictObject({
  target: z.string().min(1),
  source: z.string().min(1).optional(),
  type: z.enum(["volume", "bind", "tmpfs"]).optional(),
  readOnly: z.boolean().optional(),
});
export type WantedMount = z.infer<typeof wantedMount>;

export function matchMounts(
  t: Translate,
  subject: string,
  wanted: WantedMount[],
  info: ContainerInfo,
  workdir: string,
): Outcome {
  for (const mount of wanted) {
    const outcome = matchMount(t, subject, mount, info, workdir);
    if (!outcome.passed) return outcome;
  }
  return pass();
}

function matchMount(
  t: Translate,
  subject: string,
  wanted: WantedMount,
  info: ContainerInfo,
  workdir: string,
): Outcome {
  const mounts = info.Mounts ?? [];
  const mount = mounts.find((m) => m.Destination === wanted.target);
  const where = (m: (typeof mounts)[number]) =>
    m.Type === "volume" || m.Type === "bind"
      ? t("check.container.mount", {
          source: (m.Type === "volume" ? m.Name : m.Source) ?? "",
          target: m.Destination,
        })
      : t("check.container.mountOfType", { type: m.Type, target: m.Destination });
  const mounting = (what: string) => t("check.container.mounts", { mounts: what });
  if (!mount) {
    const sorted = [...mounts].sort((a, b) => a.Destination.localeCompare(b.Destination));
    const found = said(subject, listedOr(sorted.map(where), t("diag.container.noMounts"), mounting));
    const expected = wanted.source
      ? t("check.container.mount", { source: wanted.source, target: wanted.target })
      : t("check.container.mountAny", { target: wanted.target });
    return mismatch(t, found, expected);
  }
  if (wanted.type && mount.Type !== wanted.type) {
    const has = t("check.container.mountOfType", { type: mount.Type, target: wanted.target });
    return mismatch(
      t,
      said(subject, t("diag.container.has", { what: has })),
      t("diag.container.mountType", { type: wanted.type }),
    );
  }
  if (wanted.source) {
    const source = mount.Type === "bind" ? mount.Source : (mount.Name ?? "");
    const expected =
      mount.Type === "bind" || wanted.source.startsWith("/") || wanted.source.startsWith(".")
        ? path.resolve(workdir, wanted.source)
        : wanted.source;
    if (source !== expected)
      return mismatch(
        t,
        said(subject, mounting(where(mount))),
        t("check.container.mount", { source: expected, target: wanted.target }),
      );
  }
  if (wanted.readOnly !== undefined && mount.RW === wanted.readOnly) {
    const mode = t(mount.RW ? "check.container.readWrite" : "check.container.readOnly", {
      mount: wanted.target,
    });
    return mismatch(
      t,
      said(subject, mounting(mode)),
      t(wanted.readOnly ? "diag.readOnly" : "diag.readWrite"),
    );
  }
  return pass();
}

export function mountInWords(mount: WantedMount, t: Translate): string {
  const { source, target, type, readOnly } = mount;
  const where = source
    ? t("check.container.mount", { source, target })
    : type
      ? t("check.container.mountOfType", { type, target })
      : t("check.container.mountAny", { target });
  if (readOnly === undefined) return where;
  return t(readOnly ? "check.container.readOnly" : "check.container.readWrite", { mount: where });
}
