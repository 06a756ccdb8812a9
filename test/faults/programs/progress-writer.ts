/**
 * A tutor stand-in for the fault suite: records one step after another in the progress store and
 * acknowledges each write on stdout once it returned (the moment a learner's update counts as saved).
 * Usage: progress-writer HOME LESSON COUNT (COUNT 0: until killed)
 */
import { updateLessonProgress } from "../../../src/progress/store.js";

const [home, lesson, countText] = process.argv.slice(2);
const count = Number(countText ?? 0);
for (let i = 0; count === 0 || i < count; i++) {
  await updateLessonProgress(home as string, { packId: "faults", id: lesson as string }, (entry) => {
    entry.steps[`${lesson}-${i}`] = { done: new Date().toISOString() };
    entry.current = `${lesson}-${i}`;
  });
  process.stdout.write(`${i}\n`);
}
