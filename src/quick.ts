/**
 * `list` and `list --json` without commander, built as one file (dist/quick.js, see scripts/build.mjs):
 * `list` runs at every start of a learner's session and in scripts, and commander and the module loading
 * of the full program cost a third of its start-up. It lists packs from the pack cache only; anything
 * else (a pack not cached yet, `list` with another option) goes through the full program (program.ts).
 */
import { runList } from "./commands/list.js";
import { commandContext, exitCodeOf } from "./entry.js";
import { PackNotCached } from "./pack/load-pack-absent.js";

/** The exit code, or "not cached" when a pack must be parsed first: then the full program lists. */
export async function quickList(args: string[], version: string): Promise<number | "not cached"> {
  try {
    await runList(commandContext({ pack: [], color: true }, version), { json: args[1] === "--json" });
    return 0;
  } catch (error) {
    if (error instanceof PackNotCached) return "not cached";
    return exitCodeOf(error);
  }
}
