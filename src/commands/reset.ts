/**
 * `docker-tutor reset [LESSON|--all] [--yes]`: lists what it will remove (only what the lessons own, and
 * their working folders), asks, removes, and clears the lessons' progress.
 */
import type { CommandContext } from "../command-context.js";
import { connectEngine } from "../engine/connect.js";
import { ExitCode, TutorError } from "../errors.js";
import { footprint } from "../pack/model.js";
import { readProgress } from "../progress/store.js";
import { resetPlanLines } from "../render/reset-plan.js";
import { palette } from "../render/style.js";
import { allLessons, lessonOrCurrent, loadAllPacks, packsOf } from "../run/select.js";
import { tutorHome, workdirBase } from "../world/paths.js";
import { applyReset, isEmptyPlan, planReset } from "../world/reset.js";
import { reportPackWarnings } from "./shared.js";
import { ensureTrusted } from "./trust.js";

export async function runReset(
  ctx: CommandContext,
  target: string | undefined,
  options: { all?: boolean; yes?: boolean; workdir?: string },
): Promise<void> {
  const { t } = ctx;
  const { packs, warnings } = await loadAllPacks(ctx.packs, ctx.env, ctx.version);
  reportPackWarnings(ctx, warnings);
  const home = tutorHome(ctx.env);
  if (options.all && target) throw new TutorError(t("reset.lessonOrAll"), t("reset.lessonOrAllFix"), 2);
  const lessons = options.all
    ? allLessons(packs)
    : [lessonOrCurrent(packs, (await readProgress(home)).progress, target, t, t("select.nameForReset"))];

  await ensureTrusted(ctx, packsOf(packs, lessons), options.yes);
  const engine = await connectEngine(ctx.env);
  const folders = workdirBase(options.workdir, ctx.env);
  const scope = {
    home,
    host: engine.target.host,
    owner: "learner" as const,
    workdirBase: folders,
    clearProgress: true,
  };
  const plan = await planReset(engine.docker, lessons.map(footprint), scope);
  for (const line of resetPlanLines(plan, t, palette(ctx.color))) ctx.output.out(line);
  if (!isEmptyPlan(plan) && !options.yes) {
    if (!ctx.terminal.interactive)
      throw new TutorError(t("reset.needsConsent"), t("reset.needsConsentFix"), 2);
    if (!(await ctx.terminal.confirm(t("reset.ask")))) {
      ctx.output.out(t("reset.declined"));
      throw new ExitCode(1);
    }
  }
  const report = await applyReset(engine.docker, plan);
  if (isEmptyPlan(plan)) return;
  ctx.output.out(t("reset.done", { resources: report.removed.length, folders: report.folders }));
  for (const { resource, message } of report.failed)
    ctx.output.err(t("reset.failed", { what: `${resource.kind} ${resource.name}`, message }));
  if (report.failed.length > 0) throw new ExitCode(1);
}
