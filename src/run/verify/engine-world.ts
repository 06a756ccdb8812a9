/** verify's world on a real engine: resets, working folders, checks, solutions and liveness. */
import { checkContexts } from "../../checks/check-context.js";
import { evaluateChecks } from "../../checks/evaluate.js";
import { engineAnswers, waitForEngine } from "../../engine/alive.js";
import type { Engine } from "../../engine/connect.js";
import { footprint } from "../../pack/model.js";
import { findOwned } from "../../world/owned.js";
import { resetLessons } from "../../world/reset.js";
import { prepareWorkdir } from "../../world/workdir.js";
import { runSolution } from "../solution.js";
import type { VerifyWorld } from "./verify.js";

export interface EngineWorldOptions {
  /** Folder under which each lesson gets its working folder. */
  workdirBase: string;
  /** `docker compose` or `docker-compose`, told to solutions as $DOCKER_TUTOR_COMPOSE. */
  composeCommand: string | undefined;
  solutionTimeoutMs: number;
}

export function engineVerifyWorld(engine: Engine, options: EngineWorldOptions): VerifyWorld {
  const { docker } = engine;
  const { workdirBase } = options;
  // One attempt per check: the negative phase must not wait for servers that will never start.
  const contextFor = checkContexts({ docker, engineHost: engine.target.host, timeouts: { httpMs: 0 } });
  return {
    reset: async (lesson) => {
      await resetLessons(docker, [footprint(lesson)], { workdirBase });
    },
    prepare: async (lesson, pack) => (await prepareWorkdir(workdirBase, lesson, pack.dir)).dir,
    evaluate: (lesson, step, workdir) => evaluateChecks(step.checks, contextFor(lesson.meta, workdir)),
    solve: (step, workdir) =>
      runSolution(step.solution?.script ?? "", {
        cwd: workdir,
        timeoutMs: options.solutionTimeoutMs,
        env: options.composeCommand ? { DOCKER_TUTOR_COMPOSE: options.composeCommand } : {},
      }),
    leftovers: async (lesson) =>
      (await findOwned(docker, [footprint(lesson)])).map((r) => `${r.kind} ${r.name}`),
    alive: () => engineAnswers(docker),
    waitForEngine: (limitMs) => waitForEngine(docker, limitMs),
  };
}
