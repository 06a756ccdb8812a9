/** What several commands do the same way: warn about packs that loaded with errors. */
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import { displayPath } from "../render/paths.js";
import type { PackWarning } from "../run/select.js";

export function reportPackWarnings(ctx: CommandContext, warnings: PackWarning[]): void {
  for (const w of warnings)
    ctx.output.err(ctx.t("list.packProblems", { pack: w.pack, count: w.errors, dir: displayPath(w.dir) }));
}

/** A `--x <seconds>` option as milliseconds; anything but a non-negative number is a usage error. */
export function secondsOption(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new TutorError(`${flag} takes a number of seconds`, `e.g. ${flag} 60`, 2);
  return number * 1000;
}
