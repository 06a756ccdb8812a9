import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../src/pack/load-pack.js";
import type { Lesson } from "../../src/pack/model.js";
import { runCli } from "../support/cli.js";
import { requireEngine } from "../support/engine.js";
import { repoRoot } from "../support/paths.js";
import { shownChoices } from "../support/progress.js";
import { keys, TerminalSession } from "../support/pty.js";

let home: string;
let cwd: string;
let lesson: Lesson;

beforeAll(async () => {
  await requireEngine();
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-walk-home-"));
  cwd = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-walk-work-"));
  const { pack } = await loadPack(path.join(repoRoot, "lessons"));
  lesson = pack?.lessons.find((l) => l.id === "containers") as Lesson;
  await runCli(["reset", "containers", "--yes"], { env: { DOCKER_TUTOR_HOME: home }, cwd });
});
afterAll(async () => {
  await runCli(["reset", "containers", "--yes"], { env: { DOCKER_TUTOR_HOME: home }, cwd });
  await rm(home, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

describe("a learner goes through lesson 2 in the interactive tutor", () => {
  it("reads every step, answers every quiz, does every task, and finishes the lesson", async () => {
    const t = new TerminalSession(["start", "containers"], { cwd, env: { DOCKER_TUTOR_HOME: home } });
    try {
      const total = lesson.steps.length;
      for (const [index, step] of lesson.steps.entries()) {
        await t.waitFor(`step ${index + 1}/${total}`);
        if (step.kind === "read") {
          await t.waitFor("Press Enter to continue.");
          t.write(keys.enter);
        } else if (step.kind === "quiz" && step.quiz) {
          await t.waitFor(/navigate/);
          const count = lesson.text.en?.steps[step.id]?.quiz?.choices.length ?? 0;
          // The choices are shuffled for this learner: find each one's row.
          const rows = await shownChoices(home, lesson.id, step.id, count);
          if (step.quiz.multiple) {
            for (const choice of rows) {
              if (step.quiz.correct.includes(choice)) t.write(keys.space);
              t.write(keys.down);
            }
          } else {
            for (let i = 0; i < rows.indexOf(step.quiz.correct[0] ?? 0); i++) t.write(keys.down);
          }
          t.write(keys.enter);
          await t.waitFor("Right!");
        } else {
          // The learner asks for the solution, and says yes to running it.
          await t.waitFor("docker-tutor ›");
          t.line("solution");
          await t.waitFor("Run it now?");
          t.line("y");
          await t.waitFor("✔ Done:", 60_000);
        }
      }
      await t.waitFor("Lesson complete: Running and managing containers. Well done!");
      await t.waitFor("Choose a lesson");
      t.write(keys.ctrlC);
      await t.waitFor("Progress saved.");
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
    const list = await runCli(["list", "--json"], { env: { DOCKER_TUTOR_HOME: home } });
    expect(JSON.parse(list.stdout).lessons.find((l: { id: string }) => l.id === "containers").status).toBe(
      "done",
    );
  }, 300_000);
});
