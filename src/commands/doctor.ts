/** `docker-tutor doctor [--json]`: is everything the tutor needs here? Exit 1 when the engine is unusable. */
import type { CommandContext } from "../command-context.js";
import { ExitCode } from "../errors.js";
import { doctorJson, doctorLines } from "../render/doctor-report.js";
import { palette } from "../render/style.js";
import { diagnose } from "../run/doctor.js";

export async function runDoctor(ctx: CommandContext, options: { json?: boolean }): Promise<void> {
  const report = await diagnose(ctx.env, ctx.packs, ctx.t);
  if (options.json) ctx.output.out(doctorJson(report));
  else for (const line of doctorLines(report, ctx.t, palette(ctx.color))) ctx.output.out(line);
  if (!report.ok) throw new ExitCode(1);
}
