/**
 * A TutorContext that needs no terminal and no engine: answers come from a script, the engine from a
 * function, progress from memory; everything said is kept to be read back, as a learner would read it.
 */

import type { EvaluateOptions } from "../../src/checks/evaluate.js";
import type { CheckResult } from "../../src/checks/result.js";
import { translator, type UiLanguage } from "../../src/i18n/index.js";
import type { Lesson, Step } from "../../src/pack/model.js";
import { emptyProgress, type LessonProgress, type Progress } from "../../src/progress/store.js";
import type {
  Answer,
  Choice,
  MenuEntry,
  StepView,
  StepWatch,
  TaskEngine,
  Tone,
  TutorContext,
} from "../../src/run/tutor/context.js";
import type { ResetPlan } from "../../src/world/reset.js";

/** What the learner does next: a line at the prompt, a pick in a menu or quiz, a yes/no. */
export type Move = string | { pick: number[] } | { menu: number | undefined } | { confirm: boolean };

export interface FakeWorld {
  /** The engine's verdict on a step's checks, asked at every evaluation. */
  evaluate?: (step: Step) => CheckResult[];
  /** No engine at first; from the n-th call of engine() on, there is one. */
  engineFromCall?: number;
  /** What the engine lacks for a lesson's step (none by default). */
  unmet?: (lesson: Lesson, stepId: string) => string[];
  /** Runs when the learner types a command that reaches the shell; returns its exit code. */
  shell?: (line: string) => number;
}

export class FakeTutor implements TutorContext {
  t = translator("en");
  language: UiLanguage = "en";
  readonly said: { text: string; tone: Tone }[] = [];
  readonly shown: StepView[] = [];
  readonly ran: string[] = [];
  readonly solutions: string[] = [];
  /** The options of every evaluation the tutor asked for. */
  readonly evaluations: EvaluateOptions[] = [];
  /** Every menu shown, as its rows. */
  readonly menus: MenuEntry[][] = [];
  progressStore: Progress = emptyProgress();
  private engineCalls = 0;
  private watchers: ((event: string) => void)[] = [];

  constructor(
    private readonly moves: Move[],
    private readonly world: FakeWorld = {},
  ) {}

  /** Everything said, one line per entry, in order. */
  get transcript(): string {
    return this.said.map((s) => s.text).join("\n");
  }

  private next(): Move | undefined {
    return this.moves.shift();
  }

  setLanguage(language: UiLanguage): void {
    this.language = language;
    this.t = translator(language);
  }
  say(text: string, tone: Tone = "plain"): void {
    this.said.push({ text, tone });
  }
  async showStep(view: StepView): Promise<void> {
    this.shown.push(view);
    this.say(view.header, "bold");
  }
  async showHint(n: number, total: number, markdown: string): Promise<void> {
    this.say(this.t("tutor.hint", { n, total, text: markdown }), "warn");
  }
  showSolution(script: string): void {
    this.say(script, "plain");
  }
  showResults(results: CheckResult[]): void {
    for (const r of results) this.say(`${r.passed ? "✔" : "✖"} ${r.message}`);
  }
  progressLine(): void {}
  async prompt(): Promise<Answer> {
    const move = this.next();
    if (move === undefined) return { kind: "closed" };
    if (typeof move !== "string")
      throw new Error(`expected a line at the prompt, the script has ${JSON.stringify(move)}`);
    return { kind: "line", line: move };
  }
  cancelPrompt(): void {}
  async menu(entries: MenuEntry[]): Promise<number | undefined> {
    this.menus.push(entries);
    const move = this.next();
    if (move === undefined) return undefined;
    if (typeof move !== "object" || !("menu" in move))
      throw new Error(`expected a menu pick, got ${JSON.stringify(move)}`);
    return move.menu;
  }
  async select(_message: string, _choices: Choice<number>[]): Promise<number> {
    return (await this.picks())[0] ?? -1;
  }
  async checkbox(): Promise<number[]> {
    return this.picks();
  }
  private async picks(): Promise<number[]> {
    const move = this.next();
    if (typeof move !== "object" || !("pick" in move))
      throw new Error(`expected a pick, got ${JSON.stringify(move)}`);
    return move.pick;
  }
  async confirm(): Promise<boolean> {
    const move = this.next();
    if (typeof move !== "object" || !("confirm" in move))
      throw new Error(`expected yes/no, got ${JSON.stringify(move)}`);
    return move.confirm;
  }
  async engine(): Promise<TaskEngine | undefined> {
    this.engineCalls++;
    if (this.world.engineFromCall !== undefined && this.engineCalls < this.world.engineFromCall) {
      this.say(this.t("tutor.noEngine", { message: "no engine", fix: "" }), "warn");
      return undefined;
    }
    const evaluate = this.world.evaluate ?? (() => []);
    const watchers = this.watchers;
    return {
      begin: async () => {},
      now: async () => new Date().toISOString(),
      unmet: async (lesson: Lesson, stepId: string) => this.world.unmet?.(lesson, stepId) ?? [],
      evaluate: async (_lesson: Lesson, step: Step, _workdir: string, options?: EvaluateOptions) => {
        this.evaluations.push(options ?? {});
        return evaluate(step);
      },
      watch: (): StepWatch => {
        const listeners = new Map<string, () => void>();
        return {
          on: (event: string, listener: () => void) => {
            listeners.set(event, listener);
            watchers.push((e) => listeners.get(e)?.());
          },
          start: async () => {},
          stop: () => listeners.clear(),
        } as StepWatch;
      },
      missingImages: async () => [],
      pullImages: async () => [],
      planReset: async (lesson): Promise<ResetPlan> => ({
        lessons: [],
        owned: [{ kind: "container", name: lesson.meta.resources.containers[0] ?? "x", ref: "id" }],
        kept: [],
        folders: [],
        scope: { home: "/home", host: "unix:///fake.sock", owner: "learner" },
      }),
      applyReset: async (plan) => ({ removed: plan.owned, failed: [], folders: 0 }),
    };
  }
  /** An engine event reached the watcher (the learner did something in another terminal). */
  emit(event: "change" | "engine-down" | "engine-up"): void {
    for (const watcher of this.watchers) watcher(event);
  }
  progress = {
    read: async () => ({ progress: this.progressStore, warning: undefined, state: "ok" as const }),
    setStep: async (lesson: Lesson, stepId: string) => {
      this.entry(lesson).current = stepId;
    },
    beginStep: async (lesson: Lesson, stepId: string, at: string) => {
      const entry = this.entry(lesson);
      const began = entry.steps[stepId]?.began ?? at;
      entry.steps[stepId] = { ...entry.steps[stepId], began };
      return began;
    },
    recordHint: async (lesson: Lesson, stepId: string, shown: number) => {
      const entry = this.entry(lesson);
      entry.steps[stepId] = { ...entry.steps[stepId], hints: shown };
    },
    skip: async (lesson: Lesson, stepId: string) => {
      const entry = this.entry(lesson);
      entry.steps[stepId] = { ...entry.steps[stepId], skipped: true };
    },
    stepDone: async (lesson: Lesson, stepId: string) => {
      const entry = this.entry(lesson);
      entry.steps[stepId] = { ...entry.steps[stepId], done: "now" };
    },
    complete: async (lesson: Lesson) => {
      this.entry(lesson).completed = "now";
    },
  };
  private entry(lesson: Lesson): LessonProgress {
    const packs = this.progressStore.packs;
    const pack = packs[lesson.packId] ?? { lessons: {} };
    packs[lesson.packId] = pack;
    const entry = pack.lessons[lesson.id] ?? { started: "now", updated: "now", steps: {} };
    pack.lessons[lesson.id] = entry;
    return entry;
  }
  async shell(line: string): Promise<number> {
    this.ran.push(line);
    return this.world.shell?.(line) ?? 0;
  }
  async runSolution(script: string): Promise<number> {
    this.solutions.push(script);
    return 0;
  }
  async prepareWorkdir(lesson: Lesson): Promise<{ dir: string; created: boolean }> {
    return { dir: `/work/${lesson.id}`, created: false };
  }
}
