/** Paths named by file and dockerfile checks stay inside the lesson's working folder. */
import { realpath } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../lessons/pack-files.js";

export async function resolveInWorkdir(
  workdir: string,
  written: string,
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  if (path.isAbsolute(written))
    return {
      ok: false,
      message: `${written} is absolute; checks read inside the lesson's working folder only`,
    };
  const resolved = path.resolve(workdir, written);
  if (!isInside(workdir, resolved))
    return { ok: false, message: `${written} points outside the lesson's working folder` };
  const real = await realpath(resolved).catch(() => resolved);
  const realRoot = await realpath(workdir).catch(() => workdir);
  if (!isInside(realRoot, real))
    return { ok: false, message: `${written} is a link that leads outside the lesson's working folder` };
  return { ok: true, path: resolved };
}
