/** Questions about progress that change nothing: where a learner stands, which lesson they touched last. */
import { ownEntry, type Progress } from "./store.js";

export type LessonStatus = "new" | "in-progress" | "done";

/** Where the learner stands in a lesson: status, and the index of the step to resume at. */
export function lessonStatus(
  progress: Progress,
  lesson: { packId: string; id: string; steps: { id: string }[] },
): { status: LessonStatus; stepIndex: number } {
  const entry = ownEntry(ownEntry(progress.packs, lesson.packId)?.lessons, lesson.id);
  if (!entry) return { status: "new", stepIndex: 0 };
  if (entry.completed) return { status: "done", stepIndex: lesson.steps.length - 1 };
  const index = lesson.steps.findIndex((s) => s.id === entry.current);
  return { status: "in-progress", stepIndex: Math.max(0, index) };
}

/** The lesson the learner touched last and has not finished, among `lessons`. */
export function currentLesson<L extends { packId: string; id: string }>(
  lessons: L[],
  progress: Progress,
): L | undefined {
  let best: { lesson: L; updated: string } | undefined;
  for (const lesson of lessons) {
    const entry = ownEntry(ownEntry(progress.packs, lesson.packId)?.lessons, lesson.id);
    if (entry && !entry.completed && (!best || entry.updated > best.updated))
      best = { lesson, updated: entry.updated };
  }
  return best?.lesson;
}
