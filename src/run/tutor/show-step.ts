/** What the screen shows when a step opens: the header, the lesson's introduction on its first step, the prose. */
import { type Lesson, localize, type Step } from "../../pack/model.js";
import type { TutorContext } from "./context.js";

export async function showStep(ctx: TutorContext, lesson: Lesson, step: Step, index: number): Promise<void> {
  const { text, fallback } = localize(lesson, ctx.language);
  const keys = ctx.t(`tutor.keys.${step.kind}`);
  await ctx.showStep({
    header: ctx.t("tutor.header", {
      lesson: text.title,
      current: index + 1,
      total: lesson.steps.length,
      keys,
    }),
    intro: index === 0 && text.intro ? text.intro : undefined,
    title: text.steps[step.id]?.title ?? step.id,
    prose: text.steps[step.id]?.prose ?? "",
    untranslated:
      fallback &&
      lesson.text[ctx.language]?.steps[step.id] === undefined &&
      ctx.language !== lesson.primaryLanguage,
  });
}

export function stepTitle(ctx: TutorContext, lesson: Lesson, step: Step): string {
  return localize(lesson, ctx.language).text.steps[step.id]?.title ?? step.id;
}
