import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../../../src/checks/result.js";
import { loadPack } from "../../../../src/pack/load-pack.js";
import type { Lesson, Pack } from "../../../../src/pack/model.js";
import { runLesson, runTutor } from "../../../../src/run/tutor/flow.js";
import { FakeTutor } from "../../../support/fake-tutor.js";
import { fixturePacks } from "../../../support/paths.js";

let pack: Pack;
let lesson: Lesson;
beforeAll(async () => {
  const loaded = await loadPack(path.join(fixturePacks, "tutor-steps"));
  expect(loaded.problems).toEqual([]);
  pack = loaded.pack as Pack;
  lesson = pack.lessons[0] as Lesson;
});

const notRunning: CheckResult[] = [
  { check: "container tutor-three", passed: false, message: "no container named tutor-three" },
];
const running: CheckResult[] = [
  { check: "container tutor-three", passed: true, message: "container tutor-three is running" },
];

/** An engine whose container appears once the learner has run `docker run ...`. */
function engineAfterRun(tutor: () => FakeTutor) {
  return {
    evaluate: () => (tutor().ran.some((line) => line.startsWith("docker run")) ? running : notRunning),
  };
}

describe("the tutor's steps, on a fake context", () => {
  it("walks a lesson: Enter reads on, a wrong answer is explained, the task passes after the learner's command", async () => {
    const tutor: FakeTutor = new FakeTutor(
      ["", { pick: [0] }, { pick: [1] }, "docker run -d --name tutor-three busybox sleep 60"],
      engineAfterRun(() => tutor),
    );
    expect(await runLesson(tutor, [pack], lesson)).toBe("menu");
    expect(tutor.shown.map((v) => v.header)).toEqual([
      "Three steps · step 1/3 · Enter: continue · back · menu · quit",
      "Three steps · step 2/3 · answer with the arrow keys and Enter",
      "Three steps · step 3/3 · hint · solution · check · skip · back · help",
    ]);
    expect(tutor.said).toContainEqual({ text: "No, it shares the kernel.", tone: "wrong" });
    expect(tutor.said).toContainEqual({ text: "Not quite. Try again.", tone: "warn" });
    expect(tutor.said).toContainEqual({ text: "Yes.", tone: "right" });
    expect(tutor.said).toContainEqual({ text: "✔ Done: Do this", tone: "ok" });
    expect(tutor.said.at(-1)).toEqual({
      text: "★ Lesson complete: Three steps. Well done!",
      tone: "celebrate",
    });
    const entry = tutor.progressStore.packs["tutor-steps"]?.lessons["three-steps"];
    expect(entry?.completed).toBe("now");
    expect(entry?.steps.task?.done).toBe("now");
  });

  it("says what is still wrong after a command that did not finish the task", async () => {
    let evaluations = 0;
    const tutor: FakeTutor = new FakeTutor(["ls", "docker run x"], {
      evaluate: () => {
        evaluations++;
        return tutor.ran.includes("docker run x") ? running : notRunning;
      },
    });
    tutor.progressStore = progressAt("task");
    await runLesson(tutor, [pack], lesson);
    const lines = tutor.transcript.split("\n");
    const notYet = lines.indexOf("Not yet: no container named tutor-three");
    expect(notYet).toBeGreaterThan(-1);
    expect(lines.indexOf("✔ Done: Do this")).toBeGreaterThan(notYet);
    expect(tutor.ran).toEqual(["ls", "docker run x"]);
    // Once when the step opens, once after each command.
    expect(evaluations).toBe(3);
  });

  it("gives hints one at a time, records how many, then says there are no more", async () => {
    const tutor = new FakeTutor(["hint", "hint", "hint"], { evaluate: () => notRunning });
    tutor.progressStore = progressAt("task");
    expect(await runLesson(tutor, [pack], lesson)).toBe("quit");
    expect(tutor.transcript).toContain("Hint 1/2: Use docker run.");
    expect(tutor.transcript).toContain("Hint 2/2: docker run -d --name tutor-three busybox sleep 60");
    expect(tutor.transcript).toContain("No more hints for this step.");
    expect(tutor.progressStore.packs["tutor-steps"]?.lessons["three-steps"]?.steps.task?.hints).toBe(2);
  });

  it("shows the solution and runs it only after a yes", async () => {
    const tutor: FakeTutor = new FakeTutor(["solution", { confirm: false }, "solution", { confirm: true }], {
      evaluate: () => (tutor.solutions.length > 0 ? running : notRunning),
    });
    tutor.progressStore = progressAt("task");
    await runLesson(tutor, [pack], lesson);
    expect(tutor.solutions).toEqual(["docker run -d --name tutor-three busybox sleep 60"]);
    expect(tutor.transcript).toContain("✔ Done: Do this");
  });

  it("starts the task over once an engine answers, when the step began without one", async () => {
    const tutor = new FakeTutor(["check"], { engineFromCall: 2, evaluate: () => running });
    tutor.progressStore = progressAt("task");
    await runLesson(tutor, [pack], lesson);
    expect(tutor.transcript).toContain("No Docker engine answers");
    expect(tutor.transcript).toContain("✔ Done: Do this");
  });

  it("passes a task by itself when the watcher reports a change", async () => {
    let done = false;
    const tutor: FakeTutor = new FakeTutor([], { evaluate: () => (done ? running : notRunning) });
    tutor.progressStore = progressAt("task");
    // The learner works in another terminal: the prompt waits while the engine reports the change.
    tutor.prompt = async () => {
      done = true;
      tutor.emit("change");
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { kind: "cancelled" };
    };
    expect(await runLesson(tutor, [pack], lesson)).toBe("menu");
    expect(tutor.transcript).toContain("✔ Done: Do this");
  });

  it("records when a step that reads history began, keeps the first start, and checks from there", async () => {
    const history: Lesson = {
      ...lesson,
      steps: lesson.steps.map((step) =>
        step.id === "task"
          ? {
              ...step,
              checks: [{ kind: "happened", happened: { action: "attach", container: "tutor-three" } }],
            }
          : step,
      ),
    };
    const first = new FakeTutor(["quit"], { evaluate: () => notRunning });
    first.progressStore = progressAt("task");
    await runLesson(first, [pack], history);
    const began = first.progressStore.packs["tutor-steps"]?.lessons["three-steps"]?.steps.task?.began;
    expect(began).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(first.evaluations.map((e) => e.stepBegan)).toEqual(first.evaluations.map(() => began));
    // The learner comes back later: the step began when it first opened.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = new FakeTutor(["quit"], { evaluate: () => notRunning });
    again.progressStore = first.progressStore;
    await runLesson(again, [pack], history);
    expect(again.progressStore.packs["tutor-steps"]?.lessons["three-steps"]?.steps.task?.began).toBe(began);
    expect(again.evaluations[0]?.stepBegan).toBe(began);
    // An engine that cannot tell its time: this machine's clock starts the step.
    const clockless = new FakeTutor(["quit"], { evaluate: () => notRunning });
    clockless.progressStore = progressAt("task");
    const connect = clockless.engine.bind(clockless);
    clockless.engine = async () => {
      const engine = await connect();
      return engine && { ...engine, now: () => Promise.reject(new Error("the engine did not answer")) };
    };
    await runLesson(clockless, [pack], history);
    expect(clockless.evaluations[0]?.stepBegan).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A step without history records no start, and its checks get none.
    const plain = new FakeTutor(["quit"], { evaluate: () => notRunning });
    plain.progressStore = progressAt("task");
    await runLesson(plain, [pack], lesson);
    expect(
      plain.progressStore.packs["tutor-steps"]?.lessons["three-steps"]?.steps.task?.began,
    ).toBeUndefined();
    expect(plain.evaluations[0]?.stepBegan).toBeUndefined();
  });

  it("knows back, help and lang at every step, and skip at a task", async () => {
    const tutor = new FakeTutor(["back", "help", "lang", "", { pick: [1] }, "skip"], {
      evaluate: () => notRunning,
    });
    await runLesson(tutor, [pack], lesson);
    expect(tutor.transcript).toContain("This is the first step.");
    expect(tutor.transcript).toContain("Commands: hint");
    expect(tutor.said).toContainEqual({ text: "Langue : fr", tone: "plain" });
    expect(tutor.shown.at(-1)?.title).toBe("Faites ceci");
    expect(tutor.progressStore.packs["tutor-steps"]?.lessons["three-steps"]?.steps.task?.skipped).toBe(true);
  });

  it("resets what the lesson owns after asking, and leaves from the menu", async () => {
    const tutor = new FakeTutor(["reset", { confirm: true }, "menu", { menu: undefined }], {
      evaluate: () => notRunning,
    });
    tutor.progressStore = progressAt("task");
    await runTutor(tutor, [pack], "three-steps");
    expect(tutor.transcript).toContain("Removed 1 resource(s).");
    expect(tutor.transcript.split("\n").at(-1)).toBe("Progress saved. See you soon!");
  });

  it("shows in the menu what a lesson needs of the engine", async () => {
    const tutor = new FakeTutor([{ menu: undefined }]);
    await runTutor(tutor, [pack], undefined);
    expect(tutor.menus[0]?.map((e) => [e.title, e.needs])).toEqual([
      ["Three steps", undefined],
      ["Needs", "needs API 1.99, BuildKit"],
    ]);
  });

  it("says when the engine falls short for a step, and lets the learner skip it", async () => {
    const tutor = new FakeTutor(["skip"], {
      evaluate: () => notRunning,
      unmet: (_lesson, stepId) =>
        stepId === "task" ? ["needs Docker itself (Podman's compatible API cannot do this step)"] : [],
    });
    tutor.progressStore = progressAt("task");
    await runLesson(tutor, [pack], lesson);
    expect(tutor.said).toContainEqual({
      text: "This engine falls short for this step: it needs Docker itself (Podman's compatible API cannot do this step). You can read it, and type skip to go on.",
      tone: "warn",
    });
    expect(tutor.progressStore.packs["tutor-steps"]?.lessons["three-steps"]?.steps.task?.skipped).toBe(true);
  });
});

function progressAt(step: string) {
  return {
    version: 1 as const,
    packs: {
      "tutor-steps": { lessons: { "three-steps": { started: "t", updated: "t", current: step, steps: {} } } },
    },
  };
}
