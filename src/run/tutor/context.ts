/**
 * What the tutor's steps work through: output, questions, the engine, progress and shells. The terminal
 * provides the real one (render/tutor-terminal.ts); tests provide a fake and read what was said.
 */
import type { EvaluateOptions } from "../../checks/evaluate.js";
import type { CheckResult } from "../../checks/result.js";
import type { Translate, UiLanguage } from "../../i18n/index.js";
import type { Lesson, Step } from "../../pack/model.js";
import type { ProgressRead } from "../../progress/store.js";
import type { PullState } from "../../world/images.js";
import type { ResetPlan, ResetReport } from "../../world/reset.js";

/** How a line is meant: renderers turn tones into colours and marks. */
export type Tone = "plain" | "dim" | "ok" | "warn" | "alert" | "bold" | "celebrate" | "right" | "wrong";

/** A prompt answer: a line, or the prompt ended without one (the step passed; the input closed). */
export type Answer = { kind: "line"; line: string } | { kind: "cancelled" } | { kind: "closed" };

export interface Choice<T> {
  name: string;
  value: T;
}

/** One menu row, as data: the renderer draws marks and colours. */
export interface MenuEntry {
  title: string;
  status: "new" | "in-progress" | "done";
  /** "step 2/7", "new", "done", in the learner's language. */
  where: string;
  /** Advisory prerequisites, already worded, or undefined. */
  after: string | undefined;
  /** What the lesson needs of the engine, worded (`needs BuildKit, Compose v2`), or undefined. */
  needs: string | undefined;
}

/** What the screen shows when a step opens. */
export interface StepView {
  header: string;
  intro: string | undefined;
  title: string;
  prose: string;
  untranslated: boolean;
}

/** The learner's progress, bound to their home folder: the only way the tutor changes it. */
export interface ProgressPort {
  read(): Promise<ProgressRead>;
  setStep(lesson: Lesson, stepId: string): Promise<unknown>;
  recordHint(lesson: Lesson, stepId: string, shown: number): Promise<unknown>;
  /** The step opened at `at` (engine time); returns the start kept (an earlier one wins). */
  beginStep(lesson: Lesson, stepId: string, at: string): Promise<string>;
  skip(lesson: Lesson, stepId: string): Promise<unknown>;
  stepDone(lesson: Lesson, stepId: string): Promise<unknown>;
  complete(lesson: Lesson): Promise<unknown>;
}

/** Watches the engine and a folder for a task step; emits "change", "engine-down", "engine-up", "polling". */
export interface StepWatch {
  on(event: "change" | "engine-down" | "engine-up", listener: () => void): unknown;
  on(event: "polling", listener: (ms: number) => void): unknown;
  start(): Promise<void>;
  stop(): void;
}

/** The engine as task steps use it; loaded at the first task. */
export interface TaskEngine {
  /** The lesson is being worked on: records its first start on this engine, once. */
  begin(lesson: Lesson): Promise<void>;
  /** The engine's time now (ISO, to the nanosecond): when a step whose checks read history began. */
  now(): Promise<string>;
  /** What the lesson, and this step of it, need that this engine lacks, in words (empty when nothing). */
  unmet(lesson: Lesson, stepId: string): Promise<string[]>;
  /**
   * `waitMs` bounds how long a check may wait for a server to start (a verdict right after a command);
   * `stepBegan` is what `happened:` checks look back to.
   */
  evaluate(lesson: Lesson, step: Step, workdir: string, options?: EvaluateOptions): Promise<CheckResult[]>;
  /** Notices changes that can alter the step's verdict: its engine resources and the working folder. */
  watch(lesson: Lesson, step: Step, workdir: string): StepWatch;
  missingImages(refs: string[]): Promise<string[]>;
  /** Pulls; returns the refs that could not be pulled. */
  pullImages(refs: string[], progress: (state: PullState) => void): Promise<string[]>;
  planReset(lesson: Lesson): Promise<ResetPlan>;
  applyReset(plan: ResetPlan): Promise<ResetReport>;
}

export interface TutorContext {
  t: Translate;
  language: UiLanguage;
  /** Switches the tutor's language (t follows). */
  setLanguage(language: UiLanguage): void;
  /** A line above the prompt; text from a pack or an engine is shown, never obeyed. */
  say(text: string, tone?: Tone): void;
  showStep(view: StepView): Promise<void>;
  /** Hint n of total, its markdown rendered. */
  showHint(n: number, total: number, markdown: string): Promise<void>;
  /** A solution's commands, before asking whether to run them. */
  showSolution(script: string): void;
  showResults(results: CheckResult[]): void;
  /** A transient line (pull progress); undefined clears it. */
  progressLine(text: string | undefined): void;
  prompt(): Promise<Answer>;
  /** Ends a pending prompt without a line: the step passed by itself. */
  cancelPrompt(): void;
  menu(entries: MenuEntry[], defaultIndex: number): Promise<number | undefined>;
  select(message: string, choices: Choice<number>[]): Promise<number>;
  checkbox(message: string, choices: Choice<number>[]): Promise<number[]>;
  confirm(message: string): Promise<boolean>;
  /** The engine, connected on first use; undefined (and the learner told why) when none answers. */
  engine(): Promise<TaskEngine | undefined>;
  progress: ProgressPort;
  /** The learner's own command, in their shell, with the terminal handed over; its exit code. */
  shell(line: string, cwd: string | undefined): Promise<number>;
  /** A reference solution, in bash as verify runs it, with the terminal handed over; its exit code. */
  runSolution(script: string, cwd: string): Promise<number>;
  /** Creates the lesson's working folder on first use. */
  prepareWorkdir(lesson: Lesson, packDir: string): Promise<{ dir: string; created: boolean }>;
}

/** Where a step leaves the lesson. */
export type Flow = "next" | "back" | "menu" | "quit";
