/** A reading step: Enter continues; the common words (back, menu, lang...) work here too. */
import type { Flow, TutorContext } from "../context.js";
import { runCommand, type StepPlace } from "../step-commands.js";

export async function readStep(ctx: TutorContext, place: StepPlace): Promise<Flow> {
  ctx.say(`\n${ctx.t("tutor.continue")}`, "dim");
  for (;;) {
    const answer = await ctx.prompt();
    if (answer.kind !== "line") return "quit";
    const line = answer.line.trim();
    if (line === "") return "next";
    const flow = await runCommand<Flow | undefined>(ctx, place, line);
    if (flow) return flow;
  }
}
