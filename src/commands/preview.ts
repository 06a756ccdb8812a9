/** `docker-tutor preview LESSON [--step ID] [--watch]`: a lesson as the learner will see it (see run/preview/). */
import path from "node:path";
import type { CommandContext } from "../command-context.js";
import { ExitCode, TutorError } from "../errors.js";
import { ParseMemo } from "../pack/parse-memo.js";
import { packDirs } from "../pack/sources.js";
import { previewRenderer } from "../render/preview-screen.js";
import { palette } from "../render/style.js";
import { untilInterrupted } from "../run/interrupt.js";
import { type PreviewLoop, renderOnce, watchPreview } from "../run/preview/render-loop.js";
import { locateLessonPack, previewScreen } from "../run/preview/screen.js";
import { cacheDir } from "../world/paths.js";
import { type FocusOptions, focusedStepChecks } from "./preview-checks.js";

export interface PreviewCommandOptions extends FocusOptions {
  step?: string;
  watch?: boolean;
}

export async function runPreview(
  ctx: CommandContext,
  lesson: string,
  options: PreviewCommandOptions,
): Promise<void> {
  const { t } = ctx;
  const watch = Boolean(options.watch);
  const named = ctx.packs.map((dir) => path.resolve(dir));
  const cache = { dir: cacheDir(ctx.env), version: ctx.version };
  const located = await locateLessonPack(packDirs(ctx.packs, ctx.env), named, lesson, t, cache);
  const request = { lesson, step: options.step, language: ctx.language, t };
  // Only a focused step is checked against the engine: without one, nothing connects to it.
  const checks = options.step ? await focusedStepChecks(ctx, located.pack, options) : undefined;
  const emit = previewRenderer({ ...ctx, c: palette(ctx.color), watch });
  const source = watch ? { memo: new ParseMemo() } : { cache };
  const build = async () => {
    const screen = await previewScreen(located.dir, request, source);
    // A step that is not there is a usage error, unless watching: the author may be renaming it.
    if (!watch && screen.view && screen.notice)
      throw new TutorError(screen.notice.message, screen.notice.fix, 2);
    return screen;
  };
  const loop: PreviewLoop = { build, check: checks?.check, emit };
  try {
    if (watch) {
      const watched = await untilInterrupted((signal) => watchPreview(located.dir, loop, signal));
      if (!watched.ok) throw new TutorError(watched.message, undefined, 2);
      return;
    }
    const { screen, checked } = await renderOnce(loop);
    const results = await checked;
    if (results && "error" in results) throw new ExitCode(2);
    if (!screen.view || screen.problems.some((p) => p.severity === "error")) throw new ExitCode(1);
  } finally {
    checks?.close();
  }
}
