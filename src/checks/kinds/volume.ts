/** `volume:` checks: presence, driver, and a file's content inside it (read through a helper container). */

import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { closest } from "../../text/similar.js";
import { owns } from "../../world/ownership.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { isNotFound } from "../containers.js";
import { fail, mismatch, pass, said, typoHint } from "../diagnosis.js";
import { runHelper } from "../helper.js";
import { quoted, sentence } from "../phrases.js";
import type { Outcome } from "../result.js";
import { name, text } from "../schema-parts.js";
import { matchText } from "../text-match.js";

export const volumeCheck = z.strictObject({
  volume: name,
  driver: name.optional(),
  file: z.strictObject({ path: z.string().startsWith("/"), contains: text.optional() }).optional(),
});

export type VolumeCheck = CheckOf<"volume", typeof volumeCheck>;

async function evaluateVolume(check: VolumeCheck, ctx: CheckContext): Promise<Outcome> {
  const { t } = ctx;
  let info: { Driver: string };
  try {
    info = await ctx.docker.getVolume(check.volume).inspect();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const names = ((await ctx.docker.listVolumes()).Volumes ?? [])
      .map((v) => v.Name)
      .filter((n) => owns(ctx.resources, "volumes", n));
    return fail(`${t("diag.noVolume", { name: check.volume })}${typoHint(closest(check.volume, names), t)}`);
  }
  const subject = t("check.volume.subject", { name: check.volume });
  if (check.driver && info.Driver !== check.driver)
    return mismatch(t, said(subject, t("check.volume.driver", { driver: info.Driver })), check.driver);
  if (!check.file) return pass();

  const inside = `/volume${check.file.path}`;
  // Read-only, no network: the helper can look, never change.
  const run = await runHelper(ctx, ["cat", "--", inside], { binds: [`${check.volume}:/volume:ro`] });
  const fileSubject = t("diag.volume.file", { path: check.file.path, name: check.volume });
  if (run.exitCode !== 0) {
    const why = /is a directory/i.test(run.stderr) ? "diag.file.isFolder" : "diag.file.missing";
    return mismatch(t, t(why, { subject: fileSubject }), t("diag.file.aFile"));
  }
  if (check.file.contains === undefined) return pass();
  return matchText(t, fileSubject, run.stdout, { contains: check.file.contains }, false);
}

function describeVolume(check: VolumeCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.driver) facts.push(t("check.volume.driver", { driver: check.driver }));
  if (check.file?.contains !== undefined)
    facts.push(
      t("check.volume.fileContains", { path: check.file.path, text: quoted(check.file.contains, t) }),
    );
  else if (check.file) facts.push(t("check.volume.file", { path: check.file.path }));
  return sentence(t("check.volume.subject", { name: check.volume }), facts, t("check.exists"), t);
}

export const volumeKind = defineCheckKind<"volume", VolumeCheck>({
  key: "volume",
  schema: volumeCheck,
  label: (check) => `volume ${check.volume}`,
  describe: describeVolume,
  references: (check) => [{ kind: "volumes", name: check.volume }],
  evaluate: evaluateVolume,
});
