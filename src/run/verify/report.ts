/** verify's reports, events and ports: what the core produces and what it works through. */
import type { CheckResult } from "../../checks/result.js";
import type { Lesson, Pack, Step } from "../../pack/model.js";
import type { SolutionRun } from "../solution.js";

export type Negative = "failed-as-expected" | "passed-unexpectedly" | "engine-error" | "n/a";
export type SolutionStatus = "ok" | "error" | "n/a";
export type Positive = "pass" | "fail" | "engine-error" | "n/a";

export interface StepReport {
  id: string;
  kind: Step["kind"];
  negative: Negative;
  solution: SolutionStatus;
  positive: Positive;
  ms: number;
  /** Phase durations, for the report. */
  timings: { negativeMs: number; solutionMs: number; positiveMs: number };
  /** Check results of the phase that went wrong (or of the positive phase). */
  results: CheckResult[];
  solutionRun: SolutionRun | undefined;
  /** One line: why the step failed; undefined when it passed. */
  failure: string | undefined;
  /** The engine stopped answering during the step: it says nothing about the lesson. */
  engineError: boolean;
  /** Why the step was not tried on this engine (it needs what the engine lacks); never a pass. */
  skipped?: string;
}

export interface LessonReport {
  id: string;
  pack: string;
  steps: StepReport[];
  /** Owned resources still there after the final reset. */
  leftovers: string[];
  ms: number;
  /** Every step was tried (an engine that never came back breaks a lesson off). */
  complete: boolean;
  /**
   * Why verify would not run the lesson, when it would not (one line): its names are taken by what was
   * there before, or it does not lint clean. Undefined when it ran.
   */
  refused: string | undefined;
  /** The lesson's verdict is ok (see verdict.ts). */
  ok: boolean;
  /**
   * The run was cancelled (`verify --watch`: a newer save made it stale), during this step or before the
   * first (undefined). Its steps so far are reported; the lesson was cleaned up all the same.
   */
  cancelled?: { atStep: string | undefined };
}

export type VerifyEvent =
  | { type: "lesson-start"; lesson: Lesson }
  | { type: "step-start"; lesson: Lesson; step: Step; index: number; total: number }
  | { type: "phase"; lesson: Lesson; step: Step; phase: "negative" | "solution" | "positive" }
  | { type: "step-end"; lesson: Lesson; step: Step; report: StepReport }
  | { type: "engine-away"; lesson: Lesson; step: Step }
  | { type: "engine-back"; lesson: Lesson; step: Step; waitedMs: number }
  | { type: "lesson-end"; lesson: Lesson; report: LessonReport };

/**
 * What verify does to the world, so the core can run on a fake (see engine-world.ts for the real one).
 * `evaluate` makes one quick attempt per check: no waiting for servers that will never start.
 */
export interface VerifyWorld {
  /** Records verify's own start of the lesson on this engine (kept if an earlier run was cut off). */
  begin(lesson: Lesson): Promise<void>;
  /**
   * Removes what the lesson owns (made since verify started it) and its working folder; returns what
   * has the lesson's names but was there before, which it leaves alone.
   */
  reset(lesson: Lesson): Promise<{ kept: string[] }>;
  /** The lesson ended clean: verify forgets its start, so the next run begins afresh. */
  end(lesson: Lesson): Promise<void>;
  /** Creates the lesson's working folder afresh; its path. */
  prepare(lesson: Lesson, pack: Pack): Promise<string>;
  evaluate(lesson: Lesson, step: Step, workdir: string): Promise<CheckResult[]>;
  /** Runs the step's solution; `signal` kills it (its whole process group) when the run is cancelled. */
  solve(step: Step, workdir: string, signal?: AbortSignal): Promise<SolutionRun>;
  /** What the lesson still owns on the engine, worded `container tutor-web`. */
  leftovers(lesson: Lesson): Promise<string[]>;
  /** The engine answers a ping now. */
  alive(): Promise<boolean>;
  /** Milliseconds until the engine answered again, or undefined after `limitMs`. */
  waitForEngine(limitMs: number): Promise<number | undefined>;
}

export interface VerifyOptions {
  world: VerifyWorld;
  solutionTimeoutMs: number;
  /** How long to wait for an engine that stopped answering before giving the lesson up. */
  engineWaitMs: number;
  /** How long the checks may take to pass after the solution (servers need a moment). */
  positiveWaitMs: number;
  emit: (event: VerifyEvent) => void;
  /** How many lint errors the lesson has; a lesson with any is not run. */
  lintErrors?: (lesson: Lesson) => number;
  /** What the lesson (no step) or a step needs that this engine lacks, in words (run/needs.ts). */
  unmet?: (lesson: Lesson, stepId?: string) => string[];
  /**
   * Cancels the run (`verify --watch`): it stops between steps and phases, kills a running solution, and
   * still resets the lesson, so a cancelled run leaves nothing behind.
   */
  signal?: AbortSignal;
}
