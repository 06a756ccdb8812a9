/**
 * Ownership by provenance: a resource is a lesson's only if its name is owned AND it came into being
 * after the learner first started that lesson on that engine. The first-start marker is kept per engine
 * and per lesson in its own file beside progress, so resetting progress never forgets it. verify keeps
 * markers of its own, so a verify that was cut off can clean up after itself on its next run.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Docker } from "../engine/client.js";
import { writeAtomically } from "../progress/atomic-file.js";
import { lock } from "../progress/lock.js";
import { owns } from "./ownership.js";
import type { LessonFootprint } from "./resources.js";

/** When the lesson was first started on the engine, by the engine's clock, and the images it found. */
export interface LessonMarker {
  /** The engine's time at first start (ISO 8601). */
  since: string;
  /** IDs of images that already carried an owned tag then: never the lesson's. */
  imagesBefore: string[];
}

/** Whose marker: the learner's (tutor, check, reset) or verify's. */
export type MarkerOwner = "learner" | "verify";

interface ProvenanceFile {
  version: 1;
  engines: Record<string, Partial<Record<MarkerOwner, Record<string, LessonMarker>>>>;
}

const fileName = "provenance.json";

function lessonKey(lesson: Pick<LessonFootprint, "packId" | "id">): string {
  return `${lesson.packId}/${lesson.id}`;
}

/**
 * Which engine an /info reply comes from, for markers: its ID, or its address when the ID says nothing.
 * Podman's compatible API answers a new random ID on every call, so Podman (the only engine whose /info
 * has `BuildahVersion`) is known by its address.
 */
export function engineIdentity(info: { ID?: unknown; BuildahVersion?: unknown }, host: string): string {
  const podman = typeof info.BuildahVersion === "string";
  return typeof info.ID === "string" && info.ID !== "" && !podman ? info.ID : host;
}

/** The engine's identity (see engineIdentity) and its current time. */
export async function engineClock(docker: Docker, host: string): Promise<{ engine: string; now: string }> {
  const info = (await docker.info()) as { ID?: unknown; BuildahVersion?: unknown; SystemTime?: unknown };
  const engine = engineIdentity(info, host);
  const now =
    typeof info.SystemTime === "string" && !Number.isNaN(Date.parse(info.SystemTime))
      ? info.SystemTime
      : new Date().toISOString();
  return { engine, now };
}

async function readFileSafe(home: string): Promise<ProvenanceFile> {
  try {
    const json = JSON.parse(await readFile(path.join(home, fileName), "utf8")) as Partial<ProvenanceFile>;
    if (
      json.version === 1 &&
      json.engines &&
      typeof json.engines === "object" &&
      !Array.isArray(json.engines)
    )
      return json as ProvenanceFile;
  } catch {
    // Missing or unreadable: no lesson has a recorded start, so nothing counts as a lesson's.
  }
  return { version: 1, engines: {} };
}

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function validMarker(value: unknown): LessonMarker | undefined {
  const marker = value as Partial<LessonMarker> | undefined;
  if (!marker || typeof marker.since !== "string" || Number.isNaN(Date.parse(marker.since))) return undefined;
  const imagesBefore = Array.isArray(marker.imagesBefore)
    ? marker.imagesBefore.filter((id): id is string => typeof id === "string")
    : [];
  return { since: marker.since, imagesBefore };
}

export async function readMarker(
  home: string,
  engine: string,
  owner: MarkerOwner,
  lesson: Pick<LessonFootprint, "packId" | "id">,
): Promise<LessonMarker | undefined> {
  const file = await readFileSafe(home);
  return validMarker(own(own(own(file.engines, engine), owner), lessonKey(lesson)));
}

async function update(home: string, change: (file: ProvenanceFile) => void): Promise<void> {
  await mkdir(home, { recursive: true });
  const release = await lock(path.join(home, "provenance.lock"));
  try {
    const file = await readFileSafe(home);
    change(file);
    writeAtomically(path.join(home, fileName), `${JSON.stringify(file, null, 2)}\n`);
  } finally {
    await release();
  }
}

/**
 * The lesson's marker on this engine, recorded now if there is none: the engine's time, and the images
 * that already carry an owned tag.
 */
export async function ensureMarker(
  home: string,
  docker: Docker,
  host: string,
  owner: MarkerOwner,
  lesson: LessonFootprint,
): Promise<{ engine: string; marker: LessonMarker }> {
  const { engine, now } = await engineClock(docker, host);
  const existing = await readMarker(home, engine, owner, lesson);
  if (existing) return { engine, marker: existing };
  const images = await docker.listImages();
  const imagesBefore = images
    .filter((image) => (image.RepoTags ?? []).some((tag) => owns(lesson.resources, "images", tag)))
    .map((image) => image.Id);
  const marker: LessonMarker = { since: now, imagesBefore };
  let kept = marker;
  let recorded = false;
  await update(home, (file) => {
    const perEngine = own(file.engines, engine) ?? {};
    const perOwner = own(perEngine, owner) ?? {};
    // Another process may have recorded it in between: the first record wins.
    const earlier = validMarker(own(perOwner, lessonKey(lesson)));
    if (earlier) kept = earlier;
    else {
      perOwner[lessonKey(lesson)] = marker;
      recorded = true;
    }
    perEngine[owner] = perOwner;
    file.engines[engine] = perEngine;
  });
  // What the lesson makes from now on must fall in a later whole second than the start (see cameAfter).
  if (recorded) await untilNextSecond(now);
  return { engine, marker: kept };
}

/** Forgets verify's marker once a lesson ended clean: the next run starts afresh. */
export async function clearMarker(
  home: string,
  engine: string,
  owner: MarkerOwner,
  lesson: Pick<LessonFootprint, "packId" | "id">,
): Promise<void> {
  await update(home, (file) => {
    const perOwner = own(own(file.engines, engine), owner);
    if (perOwner && Object.hasOwn(perOwner, lessonKey(lesson))) delete perOwner[lessonKey(lesson)];
  });
}

/** Seconds since the epoch of an engine timestamp: a number of seconds, or an ISO date. */
export function engineSeconds(created: number | string | undefined): number | undefined {
  if (typeof created === "number") return created;
  if (typeof created !== "string") return undefined;
  const ms = Date.parse(created);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/**
 * Whether a resource created at `created` came after the marker. A resource of unknown age, or any
 * resource when no start is recorded, counts as there before: kept, never removed. Engines give some
 * times to the second only (container lists, volumes): such a time counts as after only from the first
 * whole second after the start, which ensureMarker waits for, so an older resource made in the same
 * second is never taken for the lesson's.
 */
export function cameAfter(marker: LessonMarker | undefined, created: number | string | undefined): boolean {
  if (!marker) return false;
  const at = engineSeconds(created);
  if (at === undefined) return false;
  const since = Date.parse(marker.since) / 1000;
  return Number.isInteger(at) ? at >= Math.ceil(since) : at > since;
}

/** Waits until the engine's clock, read as `now` a moment ago, has passed the next whole second. */
function untilNextSecond(now: string): Promise<void> {
  const ms = Date.parse(now);
  const wait = Math.ceil(ms / 1000) * 1000 - ms + 20;
  return new Promise((resolve) => setTimeout(resolve, wait));
}
