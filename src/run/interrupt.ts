/**
 * Ctrl+C (SIGINT) and SIGTERM as an AbortSignal, for the commands that run until the author leaves
 * (`preview --watch`, `verify --watch`): they stop what they do, clean up and exit 0, never mid-write;
 * a second Ctrl+C leaves at once.
 */
export interface Interruption {
  signal: AbortSignal;
  /** Gives the signals back to Node's default handling. */
  dispose(): void;
}

export function onInterrupt(): Interruption {
  const controller = new AbortController();
  const dispose = () => {
    process.off("SIGINT", abort);
    process.off("SIGTERM", abort);
  };
  let firstAt = 0;
  function abort(signal: NodeJS.Signals): void {
    if (!controller.signal.aborted) {
      firstAt = Date.now();
      controller.abort();
      return;
    }
    // A second Ctrl+C leaves at once, as the first would have without us: for a clean-up that hangs. One
    // that comes with the first (`timeout` signals the child, then its whole group) is the same request.
    if (Date.now() - firstAt < 1000) return;
    dispose();
    process.kill(process.pid, signal);
  }
  process.on("SIGINT", abort);
  process.on("SIGTERM", abort);
  return { signal: controller.signal, dispose };
}

/** Runs `work` until it ends or the author presses Ctrl+C, which aborts its signal. */
export async function untilInterrupted<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interruption = onInterrupt();
  try {
    return await work(interruption.signal);
  } finally {
    interruption.dispose();
  }
}
