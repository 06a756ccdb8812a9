/** Records that the learner started the built-in lessons now, as the tutor or `check` does on first use. */
import path from "node:path";
import { createClient } from "../../src/engine/client.js";
import { discoverEngine } from "../../src/engine/discover.js";
import { loadPack } from "../../src/pack/load-pack.js";
import { footprint } from "../../src/pack/model.js";
import { ensureMarker, type LessonMarker } from "../../src/world/provenance.js";
import { repoRoot } from "./paths.js";

export async function startLessons(
  home: string,
  ids?: string[],
  packDir = path.join(repoRoot, "lessons"),
): Promise<void> {
  const { pack } = await loadPack(packDir);
  const target = await discoverEngine(process.env);
  const docker = await createClient(target);
  for (const lesson of pack?.lessons ?? []) {
    if (ids && !ids.includes(lesson.id)) continue;
    await ensureMarker(path.resolve(home), docker, target.host, "learner", footprint(lesson));
  }
}

/** A start before anything a test makes: everything the test creates counts as the lesson's. */
export const startedLongAgo: LessonMarker = { since: "1970-01-01T00:00:00.000Z", imagesBefore: [] };
