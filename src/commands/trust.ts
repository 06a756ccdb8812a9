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

/**
 * For the watch modes: why the packs may not be used as they are now (a save changed what they claim
 * since they were trusted), or undefined. Never asks: a question in the middle of a screen or a log
 * would be lost; the command is run again to be asked.
 */
export function trustRefusal(
  ctx: CommandContext,
  yes: boolean | undefined,
): (packs: Pack[]) => Promise<string | undefined> {
  const unasked: CommandContext = { ...ctx, terminal: { ...ctx.terminal, interactive: false } };
  return (packs) =>
    ensureTrusted(unasked, packs, yes).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof TutorError)) throw error;
        return error.fix ? `${error.message} — ${error.fix}` : error.message;
      },
    );
}
