/**
 * Resetting lessons, the one routine behind `reset`, the tutor's `reset` and verify. A plan lists what
 * would go (the lessons' own engine resources, and with the scope, working folders) and what is kept
 * because it was there before the lesson; applying it removes exactly the former and, with the scope,
 * forgets the lessons' progress.
 */
import { existsSync } from "node:fs";
import type { Docker } from "../engine/client.js";
import { recordProgress } from "../progress/store.js";
import { findOwned, type OwnedResource, type RemovalReport, removeOwned } from "./owned.js";
import { engineClock, type MarkerOwner, readMarker } from "./provenance.js";
import type { LessonFootprint } from "./resources.js";
import { lessonWorkdir, removeWorkdir } from "./workdir.js";

export interface ResetScope {
  /** Where progress and provenance markers live. */
  home: string;
  /** The engine's address, to tell engines apart when one has no ID. */
  host: string;
  /** Whose markers say what is the lessons': the learner's, or verify's own. */
  owner: MarkerOwner;
  /** Also remove the lessons' working folders under this folder. */
  workdirBase?: string;
  /** Also forget the lessons' progress. */
  clearProgress?: boolean;
}

export interface ResetPlan {
  lessons: LessonFootprint[];
  owned: OwnedResource[];
  /** Named like the lessons' own but there before they started: never removed. */
  kept: OwnedResource[];
  /** Working folders that exist and would be removed. */
  folders: string[];
  scope: ResetScope;
}

export interface ResetReport extends RemovalReport {
  folders: number;
}

export async function planReset(
  docker: Docker,
  lessons: LessonFootprint[],
  scope: ResetScope,
): Promise<ResetPlan> {
  const { engine } = await engineClock(docker, scope.host);
  const claims = await Promise.all(
    lessons.map(async (lesson) => ({
      ...lesson,
      marker: await readMarker(scope.home, engine, scope.owner, lesson),
    })),
  );
  const { owned, kept } = await findOwned(docker, claims);
  const base = scope.workdirBase;
  const folders =
    base === undefined ? [] : lessons.map((l) => lessonWorkdir(base, l)).filter((dir) => existsSync(dir));
  return { lessons, owned, kept, folders, scope };
}

export function isEmptyPlan(plan: ResetPlan): boolean {
  return plan.owned.length === 0 && plan.folders.length === 0;
}

export async function applyReset(docker: Docker, plan: ResetPlan): Promise<ResetReport> {
  const report = await removeOwned(docker, plan.owned);
  const base = plan.scope.workdirBase;
  if (base !== undefined) for (const lesson of plan.lessons) await removeWorkdir(base, lesson);
  if (plan.scope.clearProgress) await recordProgress.clear(plan.scope.home, plan.lessons);
  return { ...report, folders: plan.folders.length };
}

/** Plan and apply at once, for callers that do not ask first (verify). */
export async function resetLessons(
  docker: Docker,
  lessons: LessonFootprint[],
  scope: ResetScope,
): Promise<ResetPlan> {
  const plan = await planReset(docker, lessons, scope);
  await applyReset(docker, plan);
  return plan;
}
