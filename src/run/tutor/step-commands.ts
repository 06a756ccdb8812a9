/**
 * What the learner can type at the prompt, as a table: the words every step understands, and those only
 * a task step adds. Anything else runs in the learner's shell.
 */
import { type UiLanguage, uiLanguages } from "../../i18n/index.js";
import type { Lesson, Step } from "../../pack/model.js";
import type { Flow, TutorContext } from "./context.js";

/** Where the learner stands when they type. */
export interface StepPlace {
  lesson: Lesson;
  step: Step;
  index: number;
  /** The working folder of a task step; commands run there. */
  cwd: string | undefined;
  /** Shows the step again (after a language switch). */
  redraw(): Promise<void>;
}

/** A flow leaves the step; undefined stays in it. */
export type CommandOutcome = Flow | undefined;

/** A word's action; it returns where the step goes (undefined: it stays). */
export type Command<O = CommandOutcome> = (ctx: TutorContext, place: StepPlace) => Promise<O> | O;

/** The words every step understands. */
export const commonCommands: Record<string, Command> = {
  quit: () => "quit",
  exit: () => "quit",
  menu: () => "menu",
  back: (ctx, place) => {
    if (place.index > 0) return "back";
    ctx.say(ctx.t("tutor.atStart"));
    return undefined;
  },
  help: (ctx) => {
    ctx.say(ctx.t("tutor.help"));
    return undefined;
  },
  lang: async (ctx, place) => {
    const next = uiLanguages[(uiLanguages.indexOf(ctx.language) + 1) % uiLanguages.length] as UiLanguage;
    ctx.setLanguage(next);
    ctx.say(ctx.t("tutor.langNow", { lang: next }));
    await place.redraw();
    return undefined;
  },
};

/** A word from the table, or the learner's own command in their shell. */
export async function runCommand<O>(
  ctx: TutorContext,
  place: StepPlace,
  line: string,
  table: Record<string, Command<O | CommandOutcome>> = commonCommands,
): Promise<O | CommandOutcome> {
  const command = Object.hasOwn(table, line) ? table[line] : undefined;
  if (command) return command(ctx, place);
  const code = await ctx.shell(line, place.cwd);
  if (code !== 0) ctx.say(ctx.t("tutor.commandFailed", { code }), "dim");
  return undefined;
}
