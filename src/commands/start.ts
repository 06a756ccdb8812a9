/** `docker-tutor start [LESSON]`: the interactive tutor (see run/tutor/). */
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import { terminalTutorContext } from "../render/tutor-terminal.js";
import { loadAllPacks } from "../run/select.js";
import { runTutor } from "../run/tutor/flow.js";
import { tutorHome, workdirBase } from "../world/paths.js";
import { reportPackWarnings } from "./shared.js";
import { ensureTrusted } from "./trust.js";

export async function runStart(
  ctx: CommandContext,
  lesson: string | undefined,
  options: { workdir?: string; yes?: boolean },
): Promise<void> {
  if (!ctx.terminal.interactive && !ctx.env.DOCKER_TUTOR_ALLOW_NO_TTY) {
    throw new TutorError(
      "start is interactive and needs a terminal",
      "run it in a terminal (with docker run, add -it)",
      2,
    );
  }
  // The menu's prompt module loads while the packs do: it is the larger part of the start-up.
  void import("@inquirer/select").catch(() => undefined);
  const { packs, warnings } = await loadAllPacks(ctx.packs, ctx.env, ctx.version);
  reportPackWarnings(ctx, warnings);
  await ensureTrusted(ctx, packs, options.yes);
  const tutor = terminalTutorContext({
    command: ctx,
    home: tutorHome(ctx.env),
    workdirBase: workdirBase(options.workdir, ctx.env),
  });
  try {
    await runTutor(tutor, packs, lesson);
  } finally {
    tutor.close();
  }
}
