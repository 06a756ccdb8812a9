/** `docker-tutor start [LESSON]`: the interactive tutor (see tutor/). */
import type { CommandContext } from "../context.js";
import { TutorError } from "../errors.js";
import { tutorHome } from "../progress/store.js";
import { Tutor } from "../tutor/session.js";
import { workdirBase } from "../workspace/workdir.js";
import { loadAllPacks } from "./select.js";

export async function runStart(
  ctx: CommandContext,
  lesson: string | undefined,
  options: { workdir?: string },
): Promise<void> {
  if (!process.stdin.isTTY && !ctx.env.DOCKER_TUTOR_ALLOW_NO_TTY) {
    throw new TutorError(
      "start is interactive and needs a terminal",
      "run it in a terminal (with docker run, add -it)",
      2,
    );
  }
  // The menu's prompt module loads while the packs do: it is the larger part of the start-up.
  void import("@inquirer/select").catch(() => undefined);
  const packs = await loadAllPacks(ctx);
  const tutor = new Tutor({
    ctx,
    packs,
    home: tutorHome(ctx.env),
    workdirBase: workdirBase(options.workdir, ctx.env),
    input: process.stdin,
    output: process.stdout,
  });
  await tutor.run(lesson);
}
