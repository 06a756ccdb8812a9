/**
 * What a lesson owns: the only things the tutor may ever remove, and the only names its checks may
 * look at. An entry is an exact name, or a `tutor-` pattern where `*` matches any run of characters.
 */
import type { ResourceKind, Resources } from "./schema.js";

/** `busybox` → `busybox:latest`; `docker.io/library/x:1` → `x:1`; digests kept. */
export function normalizeImageRef(ref: string): string {
  let name = ref.trim();
  name = name
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "")
    .replace(/^library\//, "");
  if (name.includes("@")) return name;
  const lastSlash = name.lastIndexOf("/");
  const tagColon = name.indexOf(":", lastSlash + 1);
  return tagColon >= 0 ? name : `${name}:latest`;
}

/** The repository part of an image reference: `localhost:5000/app:1` → `localhost:5000/app`. */
export function imageRepository(ref: string): string {
  const normalized = normalizeImageRef(ref);
  const at = normalized.indexOf("@");
  const base = at >= 0 ? normalized.slice(0, at) : normalized;
  const lastSlash = base.lastIndexOf("/");
  const tagColon = base.indexOf(":", lastSlash + 1);
  return tagColon >= 0 ? base.slice(0, tagColon) : base;
}

function matchesPattern(pattern: string, name: string): boolean {
  if (!pattern.includes("*")) return pattern === name;
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`);
  return regex.test(name);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Image entries without a tag own every tag of the repository; with a tag, that tag only. */
function ownsImage(entry: string, ref: string): boolean {
  const hasTag = /:[^/]+$/.test(entry) || entry.includes("@");
  if (hasTag) return matchesPattern(normalizeImageRef(entry), normalizeImageRef(ref));
  return matchesPattern(entry, imageRepository(ref));
}

export function owns(resources: Resources, kind: ResourceKind, name: string): boolean {
  const clean = kind === "containers" ? name.replace(/^\//, "") : name;
  return resources[kind].some((entry) =>
    kind === "images" ? ownsImage(entry, clean) : matchesPattern(entry, clean),
  );
}

/** Names the engine gives networks itself; a lesson may mention them without owning them. */
export const builtInNetworks = new Set(["bridge", "host", "none", "default"]);
