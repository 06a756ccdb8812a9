/** verify's world on a real engine: resets, working folders, checks, solutions and liveness. */
import { checkContexts } from "../../checks/check-context.js";
import { evaluateChecks } from "../../checks/evaluate.js";
import { readsHistory } from "../../checks/history.js";
import { engineAnswers, waitForEngine } from "../../engine/alive.js";
import { connectEngine, type Engine } from "../../engine/connect.js";
import { detectCompose } from "../../engine/tools.js";
import type { Translate } from "../../i18n/index.js";
import { footprint, type Lesson, type Step } from "../../pack/model.js";
import { ownExecs } from "../../world/own-execs.js";
import { clearMarker, engineClock, ensureMarker, type LessonMarker } from "../../world/provenance.js";
import { planReset, resetLessons } from "../../world/reset.js";
import { prepareWorkdir } from "../../world/workdir.js";
import { engineFacts, unmetOn } from "../needs.js";
import { runSolution } from "../solution.js";
import type { VerifyOptions, VerifyWorld } from "./verify.js";

export interface EngineWorldOptions {
  /** Where verify keeps its own markers (the learner's home: DOCKER_TUTOR_HOME or the XDG folder). */
  home: string;
  /** Folder under which each lesson gets its working folder. */
  workdirBase: string;
  /** `docker compose` or `docker-compose`, told to solutions as $DOCKER_TUTOR_COMPOSE. */
  composeCommand: "docker compose" | "docker-compose" | undefined;
  /** The language check results are worded in; English when not given. */
  t?: Translate;
  solutionTimeoutMs: number;
}

const words = (resources: { kind: string; name: string }[]) => resources.map((r) => `${r.kind} ${r.name}`);

export function engineVerifyWorld(engine: Engine, options: EngineWorldOptions): VerifyWorld {
  const { docker } = engine;
  const { home, workdirBase } = options;
  const host = engine.target.host;
  const scope = { home, host, owner: "verify" as const, workdirBase };
  // One attempt per check: the negative phase must not wait for servers that will never start.
  const contextFor = checkContexts({
    docker,
    engineHost: host,
    timeouts: { httpMs: 0 },
    ownExecs: ownExecs(),
    t: options.t,
  });
  const markers = new Map<string, LessonMarker>();
  // When each step began (engine time, read before its first evaluation): its `happened:` checks look back
  // to there, so what earlier steps' solutions did never counts.
  const stepStarts = new Map<string, Promise<string>>();
  const stepBegan = (lesson: Lesson, step: Step): Promise<string> | undefined => {
    if (!readsHistory(step.checks)) return undefined;
    const stepKey = `${key(lesson)}#${step.id}`;
    let began = stepStarts.get(stepKey);
    if (!began) {
      began = engineClock(docker, host).then((clock) => clock.now);
      began.catch(() => stepStarts.delete(stepKey));
      stepStarts.set(stepKey, began);
    }
    return began;
  };
  const key = (lesson: Lesson) => `${lesson.packId}/${lesson.id}`;
  return {
    begin: async (lesson) => {
      const { marker } = await ensureMarker(home, docker, host, "verify", footprint(lesson));
      markers.set(key(lesson), marker);
    },
    reset: async (lesson) => {
      // A lesson run again (verify --watch) begins its steps again.
      for (const stepKey of stepStarts.keys())
        if (stepKey.startsWith(`${key(lesson)}#`)) stepStarts.delete(stepKey);
      return { kept: words((await resetLessons(docker, [footprint(lesson)], scope)).kept) };
    },
    end: async (lesson) => {
      const { engine: id } = await engineClock(docker, host);
      await clearMarker(home, id, "verify", lesson);
    },
    prepare: async (lesson, pack) => (await prepareWorkdir(workdirBase, lesson, pack.dir)).dir,
    evaluate: async (lesson, step, workdir) =>
      evaluateChecks(step.checks, contextFor(lesson.meta, workdir, markers.get(key(lesson))), {
        stepBegan: await stepBegan(lesson, step),
      }),
    solve: (step, workdir, signal) =>
      runSolution(step.solution?.script ?? "", {
        cwd: workdir,
        timeoutMs: options.solutionTimeoutMs,
        env: options.composeCommand ? { DOCKER_TUTOR_COMPOSE: options.composeCommand } : {},
        signal,
      }),
    leftovers: async (lesson) => words((await planReset(docker, [footprint(lesson)], scope)).owned),
    alive: () => engineAnswers(docker),
    waitForEngine: (limitMs) => waitForEngine(docker, limitMs),
  };
}

/**
 * Everything verify needs to run on the engine the learner's docker CLI reaches: the connection, the
 * compose command solutions use, the world, and what the engine lacks per lesson.
 */
export async function engineVerifyOptions(
  env: NodeJS.ProcessEnv,
  options: Omit<EngineWorldOptions, "composeCommand"> & Omit<VerifyOptions, "world" | "unmet">,
): Promise<VerifyOptions> {
  const [engine, composeCommand] = await Promise.all([connectEngine(env), detectCompose(env)]);
  const facts = await engineFacts(engine.info, env, composeCommand);
  const world = engineVerifyWorld(engine, { ...options, composeCommand });
  return { ...options, world, unmet: unmetOn(facts) };
}
