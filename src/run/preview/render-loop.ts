/**
 * `preview`'s core: a render is the lesson loaded and linted afresh, emitted as a screen, then the focused
 * step's checks when it has any. With `--watch`, every save in the pack's folder makes a render. Renders
 * run one at a time (saves during one make exactly one more, with every file they touched), so screens
 * come in the order of the saves; checks run beside the next renders, and results a newer save made stale
 * are dropped. Draws nothing: the renderer gets events.
 */
import { watchFolder } from "../watch-files.js";
import type { PreviewScreen } from "./screen.js";
import type { StepChecks } from "./step-checks.js";

export type PreviewEvent =
  /** `changed`: the files of the save that made this render; undefined for the first one. */
  | { type: "screen"; screen: PreviewScreen; changed: string[] | undefined }
  | { type: "checking"; step: string }
  | { type: "checks"; checks: StepChecks }
  /** A render after a save failed unexpectedly: one line; the last screen stays, and watching goes on. */
  | { type: "render-failed"; message: string };

export interface PreviewLoop {
  build(): Promise<PreviewScreen>;
  /** Evaluates the focused step's checks against the engine; absent when no step is focused. */
  check?: (screen: PreviewScreen) => Promise<StepChecks>;
  emit(event: PreviewEvent): void | Promise<void>;
}

/** One render; resolves once the screen is drawn, with the checks (if any) still running in `checked`. */
export async function renderOnce(
  loop: PreviewLoop,
  changed?: string[],
  stillCurrent: () => boolean = () => true,
): Promise<{ screen: PreviewScreen; checked: Promise<StepChecks | undefined> }> {
  const screen = await loop.build();
  if (!stillCurrent()) return { screen, checked: Promise.resolve(undefined) };
  await loop.emit({ type: "screen", screen, changed });
  const step = screen.loaded?.step;
  if (!loop.check || !step || step.checks.length === 0)
    return { screen, checked: Promise.resolve(undefined) };
  await loop.emit({ type: "checking", step: step.id });
  const checked = loop.check(screen).then(async (checks) => {
    if (!stillCurrent()) return undefined;
    await loop.emit({ type: "checks", checks });
    return checks;
  });
  return { screen, checked };
}

/**
 * Renders now and after every save in `packDir`, until `signal` aborts. An error value when the folder
 * cannot be watched, or no longer can (it was removed).
 */
export async function watchPreview(
  packDir: string,
  loop: PreviewLoop,
  signal: AbortSignal,
): Promise<{ ok: true } | { ok: false; message: string }> {
  let generation = 0;
  let rendering = false;
  let waiting: Set<string> | undefined;
  const render = async (changed: string[] | undefined) => {
    rendering = true;
    const mine = ++generation;
    try {
      await renderOnce(loop, changed, () => mine === generation && !signal.aborted);
    } finally {
      rendering = false;
    }
    if (waiting && !signal.aborted) {
      const next = [...waiting].sort();
      waiting = undefined;
      await render(next);
    }
  };
  const saved = (files: string[]) => {
    if (signal.aborted) return;
    if (rendering) {
      waiting ??= new Set();
      for (const file of files) waiting.add(file);
      return;
    }
    void render(files).catch((error: unknown) => {
      void loop.emit({
        type: "render-failed",
        message: error instanceof Error ? error.message : String(error),
      });
    });
  };
  let failure: string | undefined;
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const started = watchFolder(packDir, saved, {
    onError: (message) => {
      failure = message;
      stop();
    },
  });
  if (!started.ok) return started;
  try {
    await render(undefined);
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
    await stopped;
  } finally {
    started.watch.close();
  }
  return failure === undefined ? { ok: true } : { ok: false, message: failure };
}
