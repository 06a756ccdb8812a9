/** Puts a learner at a step, as if they had got there in an earlier session. */
import path from "node:path";
import { choiceOrder, quizKey } from "../../src/pack/quiz.js";
import { readProgress, updateLessonProgress } from "../../src/progress/store.js";

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

/** The rows in which the tutor shows a quiz's choices to the learner of `home` (authored indices, top first). */
export async function shownChoices(
  home: string,
  lesson: string,
  step: string,
  count: number,
  pack = "docker-basics",
): Promise<number[]> {
  const { progress } = await readProgress(path.resolve(home));
  return choiceOrder(count, progress.seed ?? "", quizKey({ packId: pack, id: lesson }, step));
}
