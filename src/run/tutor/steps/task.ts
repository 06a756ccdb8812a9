/**
 * A task step: it passes by itself. A watcher re-checks on every engine event and working-folder change;
 * after each command the learner types, the first failing check says what is still wrong.
 */
import { readsHistory } from "../../../checks/history.js";
import type { Lesson, Step } from "../../../pack/model.js";
import { CoalescedRunner } from "../coalesce.js";
import type { Flow, TaskEngine, TutorContext } from "../context.js";
import { stepTitle } from "../show-step.js";
import {
  type Command,
  type CommandOutcome,
  commonCommands,
  runCommand,
  type StepPlace,
} from "../step-commands.js";
import { ensureImages } from "./images.js";

/** How long the verdict after a command may wait for a server to start: a pause a person does not notice. */
const diagnoseWaitMs = 250;

/** "again": the engine came back after the step began without it; the step starts over with it. */
export type TaskFlow = Flow | "again";

export async function taskStep(ctx: TutorContext, place: StepPlace): Promise<TaskFlow> {
  const { lesson, step } = place;
  const dir = place.cwd as string;
  ctx.say(ctx.t("tutor.taskHelp"), "dim");
  const engine = await ctx.engine();
  if (engine) {
    await engine.begin(lesson);
    // The step can be read; say why doing it here will not work, and that skip goes on.
    const unmet = await engine.unmet(lesson, step.id);
    if (unmet.length > 0) ctx.say(ctx.t("tutor.needsUnmet", { reasons: unmet.join("; ") }), "warn");
    await ensureImages(ctx, engine, lesson.meta.images);
  }
  // After the pulls: a `happened:` check looks back to here, and the tutor's own pulls come before.
  // An engine that cannot tell its time this once leaves this machine's clock as the step's start.
  const stepBegan =
    engine && readsHistory(step.checks)
      ? await ctx.progress.beginStep(
          lesson,
          step.id,
          await engine.now().catch(() => new Date().toISOString()),
        )
      : undefined;

  const checks = new TaskChecks(ctx, engine, lesson, step, dir, stepBegan);
  const watch = engine?.watch(lesson, step, dir);
  // A burst of changes (a compose project starting) makes one or two evaluations, not one per event.
  const recheck = new CoalescedRunner(() => checks.run("quiet"));
  watch?.on("change", () => recheck.trigger());
  watch?.on("engine-down", () => ctx.say(`⚠ ${ctx.t("tutor.engineDown")}`, "alert"));
  watch?.on("engine-up", () => ctx.say(ctx.t("tutor.engineBack"), "ok"));
  watch?.on("polling", (ms: number) =>
    ctx.say(ctx.t("tutor.pollingFallback", { seconds: ms / 1000 }), "dim"),
  );
  await watch?.start();
  try {
    await checks.run("quiet");
    const table = taskCommands(checks, engine);
    while (!checks.passed) {
      const answer = await ctx.prompt();
      if (checks.passed || answer.kind === "cancelled") break;
      if (answer.kind === "closed") return "quit";
      const line = answer.line.trim();
      if (line === "") continue; // nothing to do: the step passes by itself
      const outcome = await runCommand(ctx, place, line, table);
      if (outcome) return outcome;
      if (!checks.passed && !Object.hasOwn(table, line)) await checks.run("diagnose");
    }
    await ctx.progress.stepDone(lesson, step.id);
    return "next";
  } finally {
    watch?.stop();
  }
}

type TaskCommand = Command<CommandOutcome | "again">;

/** The words a task step adds to the common ones. */
function taskCommands(checks: TaskChecks, engine: TaskEngine | undefined): Record<string, TaskCommand> {
  let hintsShown = 0;
  return {
    ...commonCommands,
    hint: async (ctx, { lesson, step }) => {
      const hints = localHints(ctx, lesson, step);
      if (hintsShown >= hints.length) ctx.say(ctx.t("tutor.noHints"));
      else {
        hintsShown++;
        await ctx.showHint(hintsShown, hints.length, hints[hintsShown - 1] ?? "");
        await ctx.progress.recordHint(lesson, step.id, hintsShown);
      }
      return undefined;
    },
    solution: async (ctx, { step, cwd }) => {
      const script = step.solution?.script;
      if (!script) return undefined;
      ctx.showSolution(script);
      // Consent: a solution runs only when the learner says yes, never by default.
      if (await ctx.confirm(ctx.t("tutor.solutionRun"))) {
        const code = await ctx.runSolution(script, cwd as string);
        ctx.say(ctx.t("tutor.solutionRan", { code }), "dim");
      }
      await checks.run("diagnose");
      return undefined;
    },
    check: async (ctx) => {
      // No engine when the step began: try again, the learner may have started it since.
      if (!engine) return (await ctx.engine()) ? "again" : undefined;
      await checks.run("verbose");
      return undefined;
    },
    skip: async (ctx, { lesson, step }): Promise<CommandOutcome> => {
      await ctx.progress.skip(lesson, step.id);
      ctx.say(ctx.t("tutor.skipped", { title: step.id }), "dim");
      return "next";
    },
    reset: async (ctx, { lesson }) => {
      const current = engine ?? (await ctx.engine());
      if (!current) return undefined;
      const plan = await current.planReset(lesson);
      for (const r of plan.kept) ctx.say(ctx.t("reset.kept", { what: `${r.kind} ${r.name}` }), "dim");
      if (plan.owned.length === 0) {
        ctx.say(ctx.t("tutor.resetNothing"));
        return undefined;
      }
      const items = plan.owned.map((r) => `${r.kind} ${r.name}`).join(", ");
      if (!(await ctx.confirm(ctx.t("tutor.resetAsk", { items })))) return undefined;
      const report = await current.applyReset(plan);
      ctx.say(ctx.t("tutor.resetDone", { count: report.removed.length }));
      return undefined;
    },
  };
}

function localHints(ctx: TutorContext, lesson: Lesson, step: Step): string[] {
  const own = lesson.text[ctx.language]?.steps[step.id]?.hints;
  return own && own.length > 0 ? own : (lesson.text[lesson.primaryLanguage]?.steps[step.id]?.hints ?? []);
}

/**
 * The step's checks. Every change starts an evaluation at once, even while an older one runs: the older
 * one looked at the world before the change, so waiting for it would only delay the step passing.
 */
class TaskChecks {
  passed = false;

  constructor(
    private readonly ctx: TutorContext,
    private readonly engine: TaskEngine | undefined,
    private readonly lesson: Lesson,
    private readonly step: Step,
    private readonly dir: string,
    private readonly stepBegan: string | undefined,
  ) {}

  /**
   * quiet: only a pass shows; diagnose: the first failure too (after a command); verbose: every result.
   * After a command the learner waits for a verdict: it comes within a moment, while the watcher's quiet
   * evaluations go on waiting for a server that is still starting, and pass the step when it answers.
   */
  async run(mode: "quiet" | "diagnose" | "verbose"): Promise<void> {
    if (!this.engine) return;
    const options = { stepBegan: this.stepBegan, ...(mode === "diagnose" ? { waitMs: diagnoseWaitMs } : {}) };
    const results = await this.engine.evaluate(this.lesson, this.step, this.dir, options);
    const passed = results.every((r) => r.passed);
    if (mode === "verbose") {
      this.ctx.showResults(results);
      if (passed) this.ctx.say(this.ctx.t("tutor.checkPassed"), "ok");
    } else if (mode === "diagnose" && !passed && !this.passed) {
      // (A watcher's evaluation may have passed the step meanwhile: then there is nothing to diagnose.)
      const first = results.find((r) => !r.passed);
      if (first) this.ctx.say(this.ctx.t("tutor.notYet", { message: first.message }), "warn");
    }
    if (passed && !this.passed) {
      this.passed = true;
      this.ctx.say(
        `✔ ${this.ctx.t("tutor.stepDone", { title: stepTitle(this.ctx, this.lesson, this.step) })}`,
        "ok",
      );
      this.ctx.cancelPrompt();
    }
  }
}
