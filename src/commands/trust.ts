/** Trusting packs from others before a command uses them (see run/trust.ts). */
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import type { Pack } from "../pack/model.js";
import { packClaimsLines } from "../render/pack-claims.js";
import { displayPath } from "../render/paths.js";
import { palette } from "../render/style.js";
import { type PackClaims, recordTrust, trustFromEnv, untrustedPacks } from "../run/trust.js";
import { tutorHome } from "../world/paths.js";

/**
 * Packs from others are used only once trusted: the learner sees what each claims and says yes, once
 * per pack version; `--yes` or DOCKER_TUTOR_TRUST trust them without asking (CI).
 */
export async function ensureTrusted(
  ctx: CommandContext,
  packs: Pack[],
  yes: boolean | undefined,
): Promise<void> {
  const home = tutorHome(ctx.env);
  const untrusted = await untrustedPacks(home, packs);
  if (untrusted.length === 0) return;
  if (yes || trustFromEnv(ctx.env)) return recordTrust(home, untrusted);
  const first = untrusted[0] as PackClaims;
  if (!ctx.terminal.interactive)
    throw new TutorError(
      ctx.t("trust.needed", { id: first.id, dir: displayPath(first.dir) }),
      ctx.t("trust.neededFix"),
      2,
    );
  for (const claims of untrusted) {
    for (const line of packClaimsLines(claims, ctx.t, palette(ctx.color))) ctx.output.out(line);
    if (!(await ctx.terminal.confirm(ctx.t("trust.ask"))))
      throw new TutorError(ctx.t("trust.declined", { id: claims.id }), ctx.t("trust.declinedFix"), 1);
    await recordTrust(home, [claims]);
  }
}
