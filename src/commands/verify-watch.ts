/** `docker-tutor verify --watch [PACK...] [--lesson ID]`: verify again at every save (see run/verify/watch.ts). */
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import { ParseMemo } from "../pack/parse-memo.js";
import { palette } from "../render/style.js";
import { verifyWatchRenderer } from "../render/verify-watch.js";
import { untilInterrupted } from "../run/interrupt.js";
import { loadGivenPacks, readGivenPacks, selectLessons } from "../run/select.js";
import { engineVerifyOptions } from "../run/verify/engine-world.js";
import { verifyLessons } from "../run/verify/verify.js";
import { watchVerify } from "../run/verify/watch.js";
import { tutorHome } from "../world/paths.js";
import { givenOrTemporaryBase } from "../world/workdir.js";
import { packsToVerify, reportPackWarnings, verifyLimits } from "./shared.js";
import { ensureTrusted, trustRefusal } from "./trust.js";
import type { VerifyCommandOptions } from "./verify.js";

export async function runVerifyWatch(
  ctx: CommandContext,
  dirs: string[],
  options: VerifyCommandOptions,
): Promise<void> {
  const reports = options.json || options.junit;
  if (reports)
    throw new TutorError("--watch writes a log to read, not a report", "drop --json and --junit", 2);
  const given = packsToVerify(dirs);
  const first = await loadGivenPacks(given);
  reportPackWarnings(ctx, first.warnings);
  const wanted = options.lesson ?? [];
  selectLessons(first.packs, wanted);
  await ensureTrusted(ctx, first.packs, options.yes);
  const memo = new ParseMemo(); // a save reparses only the files it changed
  const draw = verifyWatchRenderer(ctx.output, ctx.terminal, ctx.t, palette(ctx.color));
  const folders = await givenOrTemporaryBase(options.workdir);
  try {
    const limits = { ...verifyLimits(options), engineWaitMs: 120_000, emit: draw.verify };
    const engine = await engineVerifyOptions(ctx.env, {
      home: tutorHome(ctx.env),
      workdirBase: folders.base,
      t: ctx.t,
      ...limits,
    });
    const watched = await untilInterrupted((signal) =>
      watchVerify({
        dirs: given,
        wanted,
        load: (packs) => readGivenPacks(packs, memo),
        refusal: trustRefusal(ctx, options.yes),
        verify: (selected, run) => verifyLessons(selected, { ...engine, ...run }),
        emit: draw.watch,
        ignored: [folders.base],
        signal,
      }),
    );
    if (!watched.ok) throw new TutorError(watched.message, undefined, 2);
  } finally {
    await folders.done();
  }
}
