/** A quiz step: pick the answer(s), read why each pick is right or wrong, try again until right. */
import { localize } from "../../../pack/model.js";
import { choiceOrder, isCorrectAnswer, quizKey } from "../../../pack/quiz.js";
import type { Flow, TutorContext } from "../context.js";
import type { StepPlace } from "../step-commands.js";

export async function quizStep(ctx: TutorContext, { lesson, step }: StepPlace): Promise<Flow> {
  const quiz = step.quiz;
  const { text } = localize(lesson, ctx.language);
  const words = text.steps[step.id]?.quiz ?? lesson.text[lesson.primaryLanguage]?.steps[step.id]?.quiz;
  if (!quiz || !words) return "next";
  // Shuffled for this learner, the same way at every visit; the values stay the authored indices.
  const { progress } = await ctx.progress.read();
  const order = choiceOrder(words.choices.length, progress.seed ?? "", quizKey(lesson, step.id));
  const choices = order.map((i) => ({ name: words.choices[i]?.text ?? "", value: i }));
  for (;;) {
    const picked = quiz.multiple
      ? await ctx.checkbox(`${words.question} ${ctx.t("tutor.quizPick")}`, choices)
      : [await ctx.select(words.question, choices)];
    for (const i of picked) {
      const explain = words.choices[i]?.explain;
      if (explain) ctx.say(explain, quiz.correct.includes(i) ? "right" : "wrong");
    }
    if (isCorrectAnswer(quiz, picked)) {
      ctx.say(ctx.t("tutor.quizRight"), "ok");
      return "next";
    }
    ctx.say(ctx.t("tutor.quizWrong"), "warn");
  }
}
