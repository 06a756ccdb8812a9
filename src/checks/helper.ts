/**
 * Throwaway helper containers, for what the API cannot tell directly (a file inside a volume).
 * Each is named and labelled as the tutor's, never attached to the learner's containers, and always removed.
 */
import { randomBytes } from "node:crypto";
import { collect, demultiplex } from "../engine/streams.js";
import { helperLabel } from "../world/labels.js";
import type { CheckContext } from "./check-context.js";

export interface HelperRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class NoHelperImage extends Error {
  constructor() {
    super("no image with a shell is present to run a helper container: `docker pull busybox` provides one");
  }
}

/** A helper that did not finish in time: the check cannot tell, and says so in the learner's words. */
export class HelperTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`a helper container did not finish within ${seconds} s`);
  }
}

/**
 * `binds` mount what the helper reads (read-only by the caller's choice). `joinNetworkOf` runs it in a
 * container's network namespace, so it sees that container's names; otherwise it has no network.
 */
export async function runHelper(
  ctx: CheckContext,
  cmd: string[],
  options: { binds?: string[]; joinNetworkOf?: string } = {},
): Promise<HelperRun> {
  const image = await ctx.helperImage();
  if (!image) throw new NoHelperImage();
  const container = await ctx.docker.createContainer({
    name: `tutor-helper-${randomBytes(4).toString("hex")}`,
    Image: image,
    Entrypoint: [],
    Cmd: cmd,
    Labels: { [helperLabel]: "true" },
    HostConfig: {
      Binds: options.binds ?? [],
      NetworkMode: options.joinNetworkOf ? `container:${options.joinNetworkOf}` : "none",
    },
  });
  try {
    await container.start();
    const waited = await Promise.race([
      container.wait() as Promise<{ StatusCode: number }>,
      new Promise<undefined>((resolve) => {
        setTimeout(() => resolve(undefined), ctx.timeouts.helperMs).unref();
      }),
    ]);
    if (!waited) throw new HelperTimeout(ctx.timeouts.helperMs / 1000);
    const raw = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown;
    const buffer = Buffer.isBuffer(raw) ? raw : await collect(raw as NodeJS.ReadableStream);
    return { exitCode: waited.StatusCode, ...demultiplex(buffer) };
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
