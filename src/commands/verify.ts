/** `docker-tutor verify [PACK...] [--lesson ID] [--junit FILE] [--json]`: packs prove themselves (see run/verify/). */
import { writeFile } from "node:fs/promises";
import type { CommandContext } from "../command-context.js";
import { ExitCode } from "../errors.js";
import { junitXml } from "../render/junit.js";
import { palette } from "../render/style.js";
import { verifyJson } from "../render/verify-json.js";
import { summaryLine, verifyEventsRenderer } from "../render/verify-log.js";
import { loadGivenPacks, selectLessons } from "../run/select.js";
import { engineVerifyOptions } from "../run/verify/engine-world.js";
import { summarize } from "../run/verify/verdict.js";
import { verifyLessons } from "../run/verify/verify.js";
import { tutorHome } from "../world/paths.js";
import { givenOrTemporaryBase } from "../world/workdir.js";
import { claimReportFile, packsToVerify, reportPackWarnings, verifyLimits } from "./shared.js";
import { ensureTrusted } from "./trust.js";

export interface VerifyCommandOptions {
  lesson?: string[];
  junit?: string;
  json?: boolean;
  workdir?: string;
  solutionTimeout?: string;
  checkWait?: string;
  yes?: boolean;
  watch?: boolean;
}

export async function runVerify(
  ctx: CommandContext,
  dirs: string[],
  options: VerifyCommandOptions,
): Promise<void> {
  const { solutionTimeoutMs, positiveWaitMs } = verifyLimits(options);
  if (options.junit) await claimReportFile(options.junit);
  // Solutions run only for the packs named here (or the built-in one): never for packs merely loaded.
  const { packs, warnings, lintErrors } = await loadGivenPacks(packsToVerify(dirs));
  reportPackWarnings(ctx, warnings);
  const selected = selectLessons(packs, options.lesson ?? []);
  await ensureTrusted(ctx, packs, options.yes);
  const c = palette(ctx.color);
  const emit = verifyEventsRenderer(ctx.output, ctx.terminal, Boolean(options.json), c);
  const limits = { solutionTimeoutMs, positiveWaitMs, engineWaitMs: 120_000, emit, lintErrors };
  const folders = await givenOrTemporaryBase(options.workdir);
  const reports = await engineVerifyOptions(ctx.env, {
    home: tutorHome(ctx.env),
    workdirBase: folders.base,
    t: ctx.t,
    ...limits,
  })
    .then((run) => verifyLessons(selected, run))
    .finally(() => folders.done());
  const summary = summarize(reports);
  if (options.junit) await writeFile(options.junit, junitXml(reports));
  ctx.output.out(options.json ? verifyJson(summary, reports) : summaryLine(summary, c));
  if (summary.exitCode !== 0) throw new ExitCode(summary.exitCode);
}
