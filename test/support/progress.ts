/** Puts a learner at a step, as if they had got there in an earlier session. */
import path from "node:path";
import { updateLessonProgress } from "../../src/progress/store.js";

export async function resumeAt(
  home: string,
  lesson: string,
  step: string,
  pack = "docker-basics",
): Promise<void> {
  await updateLessonProgress(path.resolve(home), { packId: pack, id: lesson }, (entry) => {
    entry.current = step;
  });
}
