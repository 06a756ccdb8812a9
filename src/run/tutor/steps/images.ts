/** Before a lesson's tasks: pull the images it needs that are missing, with a progress line. */
import type { TaskEngine, TutorContext } from "../context.js";

export async function ensureImages(ctx: TutorContext, engine: TaskEngine, images: string[]): Promise<void> {
  if (images.length === 0) return;
  const missing = await engine.missingImages(images);
  if (missing.length === 0) return;
  const failed = await engine.pullImages(missing, (line) =>
    ctx.progressLine(ctx.t("tutor.pulling", { image: line })),
  );
  ctx.progressLine(undefined);
  if (failed.length > 0) ctx.say(ctx.t("tutor.imagesMissing", { images: failed.join(", ") }), "warn");
}
