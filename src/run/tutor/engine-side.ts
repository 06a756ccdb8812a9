/**
 * The engine as task steps use it: checks, the watcher, images, reset. One dynamic import boundary
 * (loaded at the first task), so the menu and reading steps never load dockerode.
 */
import { checkContexts } from "../../checks/check-context.js";
import { evaluateChecks } from "../../checks/evaluate.js";
import { readsHistory } from "../../checks/history.js";
import { closeClient } from "../../engine/client.js";
import { connectEngine } from "../../engine/connect.js";
import { detectCompose } from "../../engine/tools.js";
import type { Translate } from "../../i18n/index.js";
import { footprint, type Lesson } from "../../pack/model.js";
import { EventRelevance } from "../../world/event-relevance.js";
import { missingImages, pullImages } from "../../world/images.js";
import { ownExecs } from "../../world/own-execs.js";
import { engineClock, ensureMarker, type LessonMarker } from "../../world/provenance.js";
import { applyReset, planReset } from "../../world/reset.js";
import { type EngineFacts, engineFacts, unmetNeeds } from "../needs.js";
import type { TaskEngine } from "./context.js";
import { stepInterest } from "./interest.js";
import { StepWatcher } from "./watch.js";

export { runInShell } from "../shell.js";
export { runSolutionInTerminal } from "../solution.js";

/**
 * Connects (a TutorError when no engine answers) and finds the compose command solutions use. `close` ends
 * every request still open (the tutor quits at once, whatever the engine does).
 */
export async function connectTaskEngine(
  env: NodeJS.ProcessEnv,
  home: string,
  t: Translate,
): Promise<{ engine: TaskEngine; compose: string | undefined; close(): void }> {
  // Without an engine the compose command is not needed: stop asking for it, so nothing outlives a quit.
  const asking = new AbortController();
  const [engine, compose] = await Promise.all([
    connectEngine(env).catch((error: unknown) => {
      asking.abort();
      throw error;
    }),
    detectCompose(env, asking.signal),
  ]);
  const { docker } = engine;
  const host = engine.target.host;
  // The commands the tutor's own checks run, shared with other tutors through the home folder.
  const execs = ownExecs(home);
  const contextFor = checkContexts({ docker, engineHost: host, ownExecs: execs, t });
  // The learner's first start of each lesson on this engine: what came after is the lesson's.
  const markers = new Map<string, Promise<LessonMarker>>();
  const markerOf = (lesson: Lesson): Promise<LessonMarker> => {
    const key = `${lesson.packId}/${lesson.id}`;
    let marker = markers.get(key);
    if (!marker) {
      marker = ensureMarker(home, docker, host, "learner", footprint(lesson)).then((m) => m.marker);
      marker.catch(() => markers.delete(key));
      markers.set(key, marker);
    }
    return marker;
  };
  // What this engine and CLI offer, read once, when a step first asks (run/needs.ts).
  let facts: Promise<EngineFacts> | undefined;
  const composeCommand = compose === "docker compose" || compose === "docker-compose" ? compose : undefined;
  return {
    compose,
    close: () => closeClient(docker),
    engine: {
      begin: async (lesson) => {
        await markerOf(lesson);
      },
      now: async () => (await engineClock(docker, host)).now,
      unmet: async (lesson, stepId) => {
        const needs = lesson.meta.engine;
        if (!needs) return [];
        facts ??= engineFacts(engine.info, env, composeCommand);
        return [...unmetNeeds(needs, await facts), ...unmetNeeds(needs, await facts, stepId)];
      },
      evaluate: async (lesson, step, workdir, options) =>
        evaluateChecks(step.checks, contextFor(lesson.meta, workdir, await markerOf(lesson)), options),
      watch: (lesson, step, workdir) => {
        const interest = stepInterest(step, lesson.meta.resources);
        // A step that reads history passes on the learner's exec too: those events then count, the
        // tutor's own execs still never do (or an exec check would re-run itself for ever).
        const learnerExecs = readsHistory(step.checks) ? execs : undefined;
        return new StepWatcher(docker, workdir, interest && new EventRelevance(interest), { learnerExecs });
      },
      missingImages: (refs) => missingImages(docker, refs),
      pullImages: (refs, progress) => pullImages(docker, refs, progress),
      // The tutor's reset removes what the lesson owns on the engine; folder and progress stay.
      planReset: (lesson) => planReset(docker, [footprint(lesson)], { home, host, owner: "learner" }),
      applyReset: (plan) => applyReset(docker, plan),
    },
  };
}
