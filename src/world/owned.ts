/**
 * What the lessons own on the engine right now, and removing exactly that. Ownership is by the names and
 * `tutor-` patterns a lesson declares, and by compose project label for what compose created; the tutor's
 * own helper containers are always its to remove. Nothing else is ever touched.
 */

import type { Docker } from "../engine/client.js";
import { composeProjectLabel, helperLabel } from "./labels.js";
import { owns } from "./ownership.js";
import type { LessonFootprint, ResourceKind } from "./resources.js";

export type OwnedKind = "container" | "network" | "volume" | "image";

export interface OwnedResource {
  kind: OwnedKind;
  /** The name shown to the learner (an image tag, a container name). */
  name: string;
  /** What the engine removes: an id, or for images the tag itself, so other tags survive. */
  ref: string;
}

function ownedBy(
  lessons: LessonFootprint[],
  kind: ResourceKind,
  name: string,
  labels?: Record<string, string> | null,
): boolean {
  const project = labels?.[composeProjectLabel];
  return lessons.some(
    (lesson) =>
      owns(lesson.resources, kind, name) ||
      (project !== undefined && kind !== "images" && lesson.resources.projects.includes(project)),
  );
}

export async function findOwned(docker: Docker, lessons: LessonFootprint[]): Promise<OwnedResource[]> {
  const [containers, networks, volumes, images] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listNetworks(),
    docker.listVolumes().then((v) => v.Volumes ?? []),
    docker.listImages(),
  ]);
  const found: OwnedResource[] = [];
  for (const c of containers) {
    const name = (c.Names[0] ?? c.Id).replace(/^\//, "");
    if (c.Labels?.[helperLabel] === "true" || ownedBy(lessons, "containers", name, c.Labels)) {
      found.push({ kind: "container", name, ref: c.Id });
    }
  }
  for (const n of networks) {
    if (ownedBy(lessons, "networks", n.Name, n.Labels))
      found.push({ kind: "network", name: n.Name, ref: n.Id });
  }
  for (const v of volumes) {
    if (ownedBy(lessons, "volumes", v.Name, v.Labels))
      found.push({ kind: "volume", name: v.Name, ref: v.Name });
  }
  for (const image of images) {
    const tags = (image.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
    // An image pulled by digest alone has no tag; its digest reference names it.
    const refs = tags.length > 0 ? tags : (image.RepoDigests ?? []).filter((d) => !d.startsWith("<none>"));
    for (const ref of refs)
      if (ownedBy(lessons, "images", ref)) found.push({ kind: "image", name: ref, ref });
  }
  return found;
}

export interface RemovalReport {
  removed: OwnedResource[];
  failed: { resource: OwnedResource; message: string }[];
}

const order: OwnedKind[] = ["container", "network", "volume", "image"];

/** Removes in dependency order: containers first (they hold networks, volumes and images). */
export async function removeOwned(docker: Docker, resources: OwnedResource[]): Promise<RemovalReport> {
  const report: RemovalReport = { removed: [], failed: [] };
  for (const kind of order) {
    const batch = resources.filter((r) => r.kind === kind);
    await Promise.all(
      batch.map(async (resource) => {
        try {
          await removeOne(docker, resource);
          report.removed.push(resource);
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 404)
            report.removed.push(resource); // already gone
          else report.failed.push({ resource, message: engineMessage(error) });
        }
      }),
    );
  }
  return report;
}

async function removeOne(docker: Docker, resource: OwnedResource): Promise<void> {
  switch (resource.kind) {
    case "container":
      // v: its anonymous volumes are its own; named volumes are kept unless owned too.
      return docker.getContainer(resource.ref).remove({ force: true, v: true });
    case "network":
      return docker.getNetwork(resource.ref).remove();
    case "volume":
      return docker.getVolume(resource.ref).remove();
    case "image":
      // No force: an image used by a container that is not the lesson's stays.
      return docker.getImage(resource.ref).remove({ noprune: false });
  }
}

function engineMessage(error: unknown): string {
  const json = (error as { json?: { message?: string } }).json;
  const text = json?.message ?? (error instanceof Error ? error.message : String(error));
  return text.split("\n")[0] ?? text;
}
