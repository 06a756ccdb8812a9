/**
 * The tutor's flow: the lesson menu, then a lesson's steps in order, each run by its kind
 * (steps/read, steps/quiz, steps/task), until the learner quits. Progress is saved as it goes.
 */
import { TutorError } from "../../errors.js";
import { type Lesson, localize, type Pack, type Step } from "../../pack/model.js";
import { findLesson } from "../../pack/sources.js";
import { lessonStatus } from "../../progress/queries.js";
import { describeNeeds } from "../needs.js";
import type { Flow, MenuEntry, TutorContext } from "./context.js";
import { showStep } from "./show-step.js";
import type { StepPlace } from "./step-commands.js";
import { quizStep } from "./steps/quiz.js";
import { readStep } from "./steps/read.js";
import { taskStep } from "./steps/task.js";

/** Thrown out of inquirer prompts on Ctrl+C. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

/** Runs until the learner quits: LESSON first when given, else the menu. */
export async function runTutor(
  ctx: TutorContext,
  packs: Pack[],
  lessonRef: string | undefined,
): Promise<void> {
  try {
    let ref = lessonRef;
    for (;;) {
      const lesson = ref ? requireLesson(ctx, packs, ref) : await pickLesson(ctx, packs);
      ref = undefined;
      if (!lesson) break;
      if ((await runLesson(ctx, packs, lesson)) === "quit") break;
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
  }
  ctx.say(ctx.t("tutor.bye"), "dim");
}

function requireLesson(ctx: TutorContext, packs: Pack[], ref: string): Lesson {
  const lesson = findLesson(packs, ref);
  if (lesson) return lesson;
  const known = packs.flatMap((p) => p.lessons.map((l) => l.id)).join(", ");
  throw new TutorError(ctx.t("tutor.unknownLesson", { id: ref }), ctx.t("select.pickOne", { ids: known }), 2);
}

/** The menu: every lesson with where the learner stands, opening on the first unfinished one. */
async function pickLesson(ctx: TutorContext, packs: Pack[]): Promise<Lesson | undefined> {
  const { progress, warning } = await ctx.progress.read();
  if (warning) ctx.say(`⚠ ${warning}`, "warn");
  const lessons = packs.flatMap((pack) => pack.lessons);
  if (lessons.length === 0) {
    ctx.say(ctx.t("tutor.menu.empty"));
    return undefined;
  }
  const entries: MenuEntry[] = lessons.map((lesson) => {
    const { status, stepIndex } = lessonStatus(progress, lesson);
    const requires = lesson.meta.requires;
    return {
      title: localize(lesson, ctx.language).text.title,
      status,
      where:
        status === "in-progress"
          ? ctx.t("list.stepOf", { current: stepIndex + 1, total: lesson.steps.length })
          : ctx.t(`status.${status}`),
      after: requires.length > 0 ? ctx.t("tutor.menu.after", { ids: requires.join(", ") }) : undefined,
      needs: needsWords(ctx, lesson),
    };
  });
  const firstOpen = entries.findIndex((e) => e.status !== "done");
  const index = await ctx.menu(entries, Math.max(0, firstOpen));
  return index === undefined ? undefined : lessons[index];
}

/** A lesson from where the learner left it (from the start when done); "menu" or "quit" at its end. */
export async function runLesson(ctx: TutorContext, packs: Pack[], lesson: Lesson): Promise<Flow> {
  const pack = packs.find((p) => p.id === lesson.packId) as Pack;
  const status = lessonStatus((await ctx.progress.read()).progress, lesson);
  let index = status.status === "done" ? 0 : status.stepIndex;
  await ctx.progress.setStep(lesson, lesson.steps[index]?.id ?? "");
  while (index < lesson.steps.length) {
    const flow = await runStep(ctx, pack, lesson, index);
    if (flow === "quit" || flow === "menu") return flow;
    index = flow === "back" ? Math.max(0, index - 1) : index + 1;
    const next = lesson.steps[index];
    if (next) await ctx.progress.setStep(lesson, next.id);
    else await ctx.progress.complete(lesson);
  }
  ctx.say(
    `★ ${ctx.t("tutor.lessonDone", { title: localize(lesson, ctx.language).text.title })}`,
    "celebrate",
  );
  return "menu";
}

async function runStep(ctx: TutorContext, pack: Pack, lesson: Lesson, index: number): Promise<Flow> {
  const step = lesson.steps[index] as Step;
  const place: StepPlace = {
    lesson,
    step,
    index,
    cwd: undefined,
    redraw: () => showStep(ctx, lesson, step, index),
  };
  await place.redraw();
  if (step.kind === "quiz") return quizStep(ctx, place);
  if (step.kind === "read") return readStep(ctx, place);
  const { dir, created } = await ctx.prepareWorkdir(lesson, pack.dir);
  if (created || index === lesson.steps.findIndex((s) => s.kind === "task"))
    ctx.say(`\n${ctx.t("tutor.workdir", { dir })}`, "dim");
  for (;;) {
    const flow = await taskStep(ctx, { ...place, cwd: dir });
    if (flow !== "again") return flow;
  }
}

function needsWords(ctx: TutorContext, lesson: Lesson): string | undefined {
  const needs = describeNeeds(lesson.meta.engine);
  return needs ? ctx.t("tutor.menu.needs", { needs }) : undefined;
}
