/** `docker-tutor check [TARGET] [--json]`: a step's checks, once. Exit 0 passed, 1 not, 2 usage or engine. */
import type { CommandContext } from "../command-context.js";
import { connectEngine } from "../engine/connect.js";
import { ExitCode, TutorError } from "../errors.js";
import { readProgress } from "../progress/store.js";
import { checkErrorJson, checkJson, checkLines } from "../render/check-report.js";
import { palette } from "../render/style.js";
import { checkStep } from "../run/check.js";
import { loadAllPacks, resolveCheckTarget } from "../run/select.js";
import { tutorHome, workdirBase } from "../world/paths.js";
import { reportPackWarnings } from "./shared.js";
import { ensureTrusted } from "./trust.js";

export async function runCheck(
  ctx: CommandContext,
  target: string | undefined,
  options: { json?: boolean; workdir?: string; yes?: boolean },
): Promise<void> {
  try {
    const home = tutorHome(ctx.env);
    const [{ packs, warnings }, { progress }] = await Promise.all([
      loadAllPacks(ctx.packs, ctx.env, ctx.version),
      readProgress(home),
    ]);
    reportPackWarnings(ctx, warnings);
    const { pack, lesson, step } = resolveCheckTarget(packs, progress, target, ctx.t);
    await ensureTrusted(ctx, [pack], options.yes);
    const engine = await connectEngine(ctx.env);
    const report = await checkStep(engine, lesson, step, workdirBase(options.workdir, ctx.env), home, ctx.t);
    if (options.json) ctx.output.out(checkJson(report));
    else for (const line of checkLines(report, palette(ctx.color))) ctx.output.out(line);
    if (report.engineError) throw new ExitCode(2);
    if (!report.passed) throw new ExitCode(1);
  } catch (error) {
    if (!options.json || !(error instanceof TutorError)) throw error;
    ctx.output.out(checkErrorJson(error));
    throw new ExitCode(error.exitCode);
  }
}
