/**
 * What a lesson owns: the only things the tutor may ever remove, and the only names its checks may
 * look at. An entry is an exact name, or a `tutor-` pattern where `*` matches any run of characters.
 */
import { imageRepository, normalizeImageRef } from "./image-refs.js";
import type { ResourceKind, Resources } from "./resources.js";

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
export const builtInNetworks = new Set(["bridge", "host", "none", "default", "podman"]);

/** The engine's default network has two names: Docker's `bridge`, and `podman` on Podman. */
export function sameNetwork(a: string, b: string): boolean {
  const canonical = (name: string) => (name === "podman" ? "bridge" : name);
  return canonical(a) === canonical(b);
}
