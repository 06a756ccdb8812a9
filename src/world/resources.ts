/**
 * What a lesson may own on the engine, by kind. The pack format declares these (pack/schema.ts
 * validates them); everything below the pack (checks, reset, the watcher) reads only this shape.
 */
export const resourceKinds = ["containers", "images", "volumes", "networks", "projects"] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** Exact names, or `tutor-` patterns where `*` matches any run of characters. */
export type Resources = Record<ResourceKind, string[]>;

/** What the world layer needs to know of a lesson: who it is and what it owns. */
export interface LessonFootprint {
  id: string;
  packId: string;
  resources: Resources;
  /** Images the lesson uses: it may inspect them and pull them, never remove them. */
  images: string[];
}

export function emptyResources(): Resources {
  return { containers: [], images: [], volumes: [], networks: [], projects: [] };
}
