/**
 * The focused step's checks against the engine, as `check` runs them: the only part of `preview` that
 * needs the engine, imported only when a step is given, so a plain preview never loads the client.
 */
import { closeClient } from "../../engine/client.js";
import { connectEngine, type Engine } from "../../engine/connect.js";
import { TutorError } from "../../errors.js";
import type { Translate } from "../../i18n/index.js";
import type { Lesson, Step } from "../../pack/model.js";
import { type CheckReport, checkStep } from "../check.js";

/** The step's results, or why the engine could not give them (one line and its fix). */
export type StepChecks =
  | { step: string; report: CheckReport }
  | { step: string; error: { message: string; fix: string | undefined } };

export interface StepCheckRunner {
  run(lesson: Lesson, step: Step): Promise<StepChecks>;
  /** Ends the connection, so nothing keeps the process once preview is left. */
  close(): void;
}

export function stepCheckRunner(
  env: NodeJS.ProcessEnv,
  home: string,
  workdirBase: string,
  t: Translate,
): StepCheckRunner {
  let engine: Promise<Engine> | undefined;
  return {
    async run(lesson, step) {
      try {
        engine ??= connectEngine(env);
        const connected = await engine;
        return { step: step.id, report: await checkStep(connected, lesson, step, workdirBase, home, t) };
      } catch (error) {
        // Connect again at the next save: the engine may be back by then.
        const failed = engine;
        engine = undefined;
        void failed?.then((e) => closeClient(e.docker)).catch(() => undefined);
        if (error instanceof TutorError)
          return { step: step.id, error: { message: error.message, fix: error.fix } };
        const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        return { step: step.id, error: { message, fix: undefined } };
      }
    },
    close() {
      void engine?.then((e) => closeClient(e.docker)).catch(() => undefined);
      engine = undefined;
    },
  };
}
