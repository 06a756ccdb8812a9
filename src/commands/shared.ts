/** What several commands do the same way: pack warnings, options in seconds, report files. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import { builtInPackDir } from "../pack/sources.js";
import { displayPath } from "../render/paths.js";
import type { PackWarning } from "../run/select.js";

export function reportPackWarnings(ctx: CommandContext, warnings: PackWarning[]): void {
  for (const w of warnings)
    ctx.output.err(ctx.t("list.packProblems", { pack: w.pack, count: w.errors, dir: displayPath(w.dir) }));
}

/** A `--x <seconds>` option as milliseconds, within [min, max] seconds; anything else is a usage error. */
export function secondsOption(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max)
    throw new TutorError(`${flag} takes a number of seconds from ${min} to ${max}`, `e.g. ${flag} 60`, 2);
  return number * 1000;
}

/** verify's time limits from its options, in milliseconds; out of range is a usage error. */
export function verifyLimits(options: { solutionTimeout?: string; checkWait?: string }): {
  solutionTimeoutMs: number;
  positiveWaitMs: number;
} {
  return {
    solutionTimeoutMs: secondsOption("--solution-timeout", options.solutionTimeout ?? "300", 1, 86_400),
    positiveWaitMs: secondsOption("--check-wait", options.checkWait ?? "30", 0, 3600),
  };
}

/** The packs verify proves: those named, else the built-in one (never packs merely loaded). */
export function packsToVerify(dirs: string[]): string[] {
  return dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : [builtInPackDir];
}

/** Makes sure a report file can be written before a long run, not after it (exit 2 at once). */
export async function claimReportFile(file: string): Promise<void> {
  try {
    await writeFile(file, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new TutorError(
      `cannot write ${file} (${code})`,
      "give a path in a folder that exists and is writable",
      2,
    );
  }
}
