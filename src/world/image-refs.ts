/** Image references compared the way the engine resolves them. */

/** `busybox` → `busybox:latest`; `docker.io/library/x:1` → `x:1`; digests kept. */
export function normalizeImageRef(ref: string): string {
  let name = ref.trim();
  // Podman names images it built or loaded `localhost/NAME`: the same image as Docker's `NAME`.
  name = name
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|localhost)\//, "")
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
