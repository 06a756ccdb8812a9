/**
 * Resetting lessons, the one routine behind `reset`, the tutor's `reset` and verify. A plan lists what
 * would go (owned engine resources, and with the scope, working folders); applying it removes exactly
 * that and, with the scope, forgets the lessons' progress.
 */
import { existsSync } from "node:fs";
import type { Docker } from "../engine/client.js";
import { recordProgress } from "../progress/store.js";
import { findOwned, type OwnedResource, type RemovalReport, removeOwned } from "./owned.js";
import type { LessonFootprint } from "./resources.js";
import { lessonWorkdir, removeWorkdir } from "./workdir.js";

/**
 * Engine resources always go. `workdirBase`: also the lessons' working folders under it.
 * `home`: also their progress.
 */
export interface ResetScope {
  workdirBase?: string;
  home?: string;
}

export interface ResetPlan {
  lessons: LessonFootprint[];
  owned: OwnedResource[];
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
  const owned = await findOwned(docker, lessons);
  const base = scope.workdirBase;
  const folders =
    base === undefined ? [] : lessons.map((l) => lessonWorkdir(base, l)).filter((dir) => existsSync(dir));
  return { lessons, owned, folders, scope };
}

export function isEmptyPlan(plan: ResetPlan): boolean {
  return plan.owned.length === 0 && plan.folders.length === 0;
}

export async function applyReset(docker: Docker, plan: ResetPlan): Promise<ResetReport> {
  const report = await removeOwned(docker, plan.owned);
  const base = plan.scope.workdirBase;
  if (base !== undefined) for (const lesson of plan.lessons) await removeWorkdir(base, lesson);
  if (plan.scope.home !== undefined) await recordProgress.clear(plan.scope.home, plan.lessons);
  return { ...report, folders: plan.folders.length };
}

/** Plan and apply at once, for callers that do not ask first (verify). */
export async function resetLessons(
  docker: Docker,
  lessons: LessonFootprint[],
  scope: ResetScope,
): Promise<ResetReport> {
  return applyReset(docker, await planReset(docker, lessons, scope));
}
