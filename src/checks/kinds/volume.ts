/** `volume:` checks: presence, driver, and a file's content inside it (read through a helper container). */
import { closest } from "../../text/similar.js";
import { isNotFound } from "../containers.js";
import type { CheckContext } from "../context.js";
import { fail, mismatch, pass, quote, typoHint } from "../diagnosis.js";
import { runHelper } from "../helper.js";
import type { Outcome } from "../result.js";
import type { VolumeCheck } from "../vocabulary.js";

export async function evaluateVolume(check: VolumeCheck, ctx: CheckContext): Promise<Outcome> {
  let info: { Driver: string };
  try {
    info = await ctx.docker.getVolume(check.volume).inspect();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const names = ((await ctx.docker.listVolumes()).Volumes ?? []).map((v) => v.Name);
    return fail(`no volume named ${check.volume}${typoHint(closest(check.volume, names))}`);
  }
  const subject = `volume ${check.volume}`;
  if (check.driver && info.Driver !== check.driver)
    return mismatch(subject, `uses driver ${info.Driver}`, check.driver);
  if (!check.file) return pass(`${subject} exists (driver ${info.Driver})`);

  const inside = `/volume${check.file.path}`;
  // Read-only, no network: the helper can look, never change.
  const run = await runHelper(ctx, ["cat", "--", inside], { binds: [`${check.volume}:/volume:ro`] });
  if (run.exitCode !== 0) {
    const why = /directory/i.test(run.stderr) ? "is a folder" : "does not exist";
    return mismatch(`${check.file.path} in ${subject}`, why, "a file");
  }
  if (check.file.contains !== undefined && !run.stdout.includes(check.file.contains)) {
    const firstLine = run.stdout.trim().split("\n")[0] ?? "";
    return mismatch(
      `${check.file.path} in ${subject}`,
      run.stdout.trim() === "" ? "is empty" : `starts with ${quote(firstLine)}`,
      `it to contain ${quote(check.file.contains)}`,
    );
  }
  const said = check.file.contains !== undefined ? ` contains ${quote(check.file.contains)}` : " exists";
  return pass(`${check.file.path} in ${subject}${said}`);
}
