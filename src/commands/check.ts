/** `docker-tutor check [LESSON[/STEP]] [--json]`: the step's checks, once. Exit 0 passed, 1 not, 2 usage or engine. */
import { createCheckContext } from "../checks/context.js";
import { evaluateChecks } from "../checks/evaluate.js";
import type { CommandContext } from "../context.js";
import { connectEngine } from "../engine/connect.js";
import { ExitCode, TutorError } from "../errors.js";
import { lessonStatus, readProgress, tutorHome } from "../progress/store.js";
import { palette } from "../render/style.js";
import { lessonWorkdir, workdirBase } from "../workspace/workdir.js";
import { currentLesson, loadAllPacks, requireLesson } from "./select.js";

export async function runCheck(
  ctx: CommandContext,
  target: string | undefined,
  options: { json?: boolean; workdir?: string },
): Promise<void> {
  const [packs, { progress }] = await Promise.all([loadAllPacks(ctx), readProgress(tutorHome(ctx.env))]);
  let lessonRef = target;
  let stepRef: string | undefined;
  if (target?.includes("/")) {
    const parts = target.split("/");
    stepRef = parts.pop();
    lessonRef = parts.join("/");
  }
  const lesson = lessonRef ? requireLesson(packs, lessonRef).lesson : currentLesson(packs, progress);
  if (!lesson) {
    throw new TutorError(
      "no lesson in progress",
      "name one: `docker-tutor check LESSON` or `check LESSON/STEP`",
      2,
    );
  }
  const step = stepRef
    ? lesson.steps.find((s) => s.id === stepRef)
    : lesson.steps[lessonStatus(progress, lesson).stepIndex];
  if (!step) {
    throw new TutorError(
      `lesson ${lesson.id} has no step "${stepRef}"`,
      `its steps: ${lesson.steps.map((s) => s.id).join(", ")}`,
      2,
    );
  }
  if (step.checks.length === 0) {
    throw new TutorError(
      `step ${lesson.id}/${step.id} is a ${step.kind} step: it has no checks`,
      "name a task step",
      2,
    );
  }

  const engine = await connectEngine(ctx.env);
  const checkCtx = createCheckContext({
    docker: engine.docker,
    workdir: lessonWorkdir(workdirBase(options.workdir, ctx.env), lesson),
    resources: lesson.meta.resources,
    images: lesson.meta.images,
    engineHost: engine.target.host,
  });
  const results = await evaluateChecks(step.checks, checkCtx);
  const passed = results.every((r) => r.passed);
  const engineError = results.some((r) => r.engineError);

  if (options.json) {
    const shown = results.map(({ check, passed, message }) => ({ check, passed, message }));
    ctx.output.out(JSON.stringify({ lesson: lesson.id, step: step.id, passed, results: shown }, null, 2));
  } else {
    const c = palette(ctx.color);
    for (const r of results) ctx.output.out(`${r.passed ? c.green("✔") : c.red("✖")} ${r.message}`);
  }
  if (engineError) throw new ExitCode(2);
  if (!passed) throw new ExitCode(1);
}
