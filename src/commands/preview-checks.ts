/** `preview --step`: the focused step's checks, run as `check` runs them, once the lesson's pack is trusted. */
import type { CommandContext } from "../command-context.js";
import type { Pack } from "../pack/model.js";
import type { PreviewScreen } from "../run/preview/screen.js";
import type { StepChecks } from "../run/preview/step-checks.js";
import { tutorHome, workdirBase } from "../world/paths.js";
import { ensureTrusted, trustRefusal } from "./trust.js";

export interface FocusOptions {
  /** The folder holding the lessons' working folders (file and dockerfile checks read there). */
  workdir?: string;
  yes?: boolean;
}

export interface FocusedChecks {
  check(screen: PreviewScreen): Promise<StepChecks>;
  close(): void;
}

/** Asks for trust before the first screen; a later save that changes what the pack claims is refused, not asked. */
export async function focusedStepChecks(
  ctx: CommandContext,
  pack: Pack | undefined,
  options: FocusOptions,
): Promise<FocusedChecks> {
  if (pack) await ensureTrusted(ctx, [pack], options.yes);
  const { stepCheckRunner } = await import("../run/preview/step-checks.js");
  const runner = stepCheckRunner(ctx.env, tutorHome(ctx.env), workdirBase(options.workdir, ctx.env), ctx.t);
  const refusal = trustRefusal(ctx, options.yes);
  return {
    async check(screen) {
      const { pack, lesson, step } = screen.loaded as NonNullable<PreviewScreen["loaded"]>;
      const focused = step as NonNullable<typeof step>;
      const refused = await refusal([pack]);
      if (refused) return { step: focused.id, error: { message: refused, fix: undefined } };
      return runner.run(lesson, focused);
    },
    close: () => runner.close(),
  };
}
