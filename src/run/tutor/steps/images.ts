/** Before a lesson's tasks: pull the images it needs that are missing, with a progress line. */
import { formatBytes } from "../../../text/bytes.js";
import type { PullState } from "../../../world/images.js";
import type { TaskEngine, TutorContext } from "../context.js";

export async function ensureImages(ctx: TutorContext, engine: TaskEngine, images: string[]): Promise<void> {
  if (images.length === 0) return;
  const missing = await engine.missingImages(images);
  if (missing.length === 0) return;
  const failed = await engine.pullImages(missing, (state) => ctx.progressLine(pullLine(ctx, state)));
  ctx.progressLine(undefined);
  if (failed.length > 0) ctx.say(ctx.t("tutor.imagesMissing", { images: failed.join(", ") }), "warn");
}

/** "Pulling busybox:latest…", then "Pulling busybox:latest: 1 layer, 32.8 kB of 1.1 MB" once layers are known. */
export function pullLine(ctx: Pick<TutorContext, "t">, state: PullState): string {
  if (state.layers === 0) return ctx.t("tutor.pullingStart", { image: state.ref });
  return ctx.t("tutor.pulling", {
    image: state.ref,
    layers: state.layers,
    done: formatBytes(state.current, { spaced: true }),
    total: formatBytes(state.total, { spaced: true }),
  });
}
