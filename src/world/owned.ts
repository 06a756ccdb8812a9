/**
 * What the lessons own on the engine right now, and removing exactly that. A resource is a lesson's when
 * its name is owned (an exact name, a `tutor-` pattern, or the compose project label) AND it came into
 * being after the lesson's recorded start (provenance.ts). A resource that matches by name but was there
 * before is kept, and said so. Nothing else is ever touched.
 */
import type { Docker } from "../engine/client.js";
import { composeProjectLabel } from "./labels.js";
import { owns } from "./ownership.js";
import { cameAfter, type LessonMarker } from "./provenance.js";
import type { LessonFootprint, ResourceKind } from "./resources.js";

export type OwnedKind = "container" | "network" | "volume" | "image";

export interface OwnedResource {
  kind: OwnedKind;
  /** The name shown to the learner (an image tag, a container name). */
  name: string;
  /** What the engine removes: an id, or for images the tag itself, so other tags survive. */
  ref: string;
}

/** A lesson and its recorded start on this engine (undefined: never started here, so nothing is its). */
export interface Claim extends LessonFootprint {
  marker: LessonMarker | undefined;
}

export interface OwnedFound {
  /** The lessons' own: named as theirs and made since they started. */
  owned: OwnedResource[];
  /** Named like the lessons' own, but there before: never removed. */
  kept: OwnedResource[];
}

function claimsName(
  claim: Claim,
  kind: ResourceKind,
  name: string,
  labels: Record<string, string> | null | undefined,
): boolean {
  const project = labels?.[composeProjectLabel];
  return (
    owns(claim.resources, kind, name) ||
    (project !== undefined && kind !== "images" && claim.resources.projects.includes(project))
  );
}

export async function findOwned(docker: Docker, claims: Claim[]): Promise<OwnedFound> {
  const [containers, networks, volumes, images] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listNetworks(),
    docker.listVolumes().then((v) => v.Volumes ?? []),
    docker.listImages(),
  ]);
  const found: OwnedFound = { owned: [], kept: [] };
  const sort = (
    resource: OwnedResource,
    kind: ResourceKind,
    labels: Record<string, string> | null | undefined,
    isNew: (claim: Claim) => boolean,
  ) => {
    const claiming = claims.filter((claim) => claimsName(claim, kind, resource.name, labels));
    if (claiming.length === 0) return;
    (claiming.some(isNew) ? found.owned : found.kept).push(resource);
  };
  for (const c of containers) {
    const name = (c.Names[0] ?? c.Id).replace(/^\//, "");
    sort({ kind: "container", name, ref: c.Id }, "containers", c.Labels, (l) =>
      cameAfter(l.marker, c.Created),
    );
  }
  for (const n of networks) {
    const created = (n as { Created?: string }).Created;
    sort({ kind: "network", name: n.Name, ref: n.Id }, "networks", n.Labels, (l) =>
      cameAfter(l.marker, created),
    );
  }
  for (const v of volumes) {
    const created = (v as { CreatedAt?: string }).CreatedAt;
    sort({ kind: "volume", name: v.Name, ref: v.Name }, "volumes", v.Labels, (l) =>
      cameAfter(l.marker, created),
    );
  }
  for (const image of images) {
    const tags = (image.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
    // An image pulled by digest alone has no tag; its digest reference names it.
    const refs = tags.length > 0 ? tags : (image.RepoDigests ?? []).filter((d) => !d.startsWith("<none>"));
    // Images carry their build time, not their arrival: the marker lists the IDs that were already here.
    const isNew = (claim: Claim) =>
      claim.marker !== undefined && !claim.marker.imagesBefore.includes(image.Id);
    for (const ref of refs) sort({ kind: "image", name: ref, ref }, "images", undefined, isNew);
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
