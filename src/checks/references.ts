/** The resources a check names, so lint and the evaluator can hold it to what the lesson owns. */
import type { ResourceKind } from "../lessons/schema.js";
import type { Check } from "./vocabulary.js";

export interface CheckReference {
  kind: ResourceKind;
  name: string;
  /** The check only reads the name as text (a Dockerfile's FROM): lint wants it declared, the engine is not asked. */
  textOnly?: boolean;
}

/** Every resource a check names, through `not:` too. */
export function checkReferences(check: Check): CheckReference[] {
  const refs: CheckReference[] = [];
  const container = (ref: string | { project: string; service: string }) =>
    refs.push(
      typeof ref === "string" ? { kind: "containers", name: ref } : { kind: "projects", name: ref.project },
    );
  switch (check.kind) {
    case "not":
      return checkReferences(check.not);
    case "container":
      container(check.container);
      if (check.image) refs.push({ kind: "images", name: check.image });
      for (const network of check.networks ?? []) refs.push({ kind: "networks", name: network });
      for (const mount of check.mounts ?? []) {
        const named =
          mount.source && (mount.type === "volume" || (!mount.type && !/^[./]/.test(mount.source)));
        if (named && mount.source) refs.push({ kind: "volumes", name: mount.source });
      }
      break;
    case "image":
      refs.push({ kind: "images", name: check.image });
      break;
    case "volume":
      refs.push({ kind: "volumes", name: check.volume });
      break;
    case "network":
      refs.push({ kind: "networks", name: check.network });
      for (const name of check.containers ?? []) refs.push({ kind: "containers", name });
      if (check.resolves) refs.push({ kind: "containers", name: check.resolves.from });
      break;
    case "compose":
      refs.push({ kind: "projects", name: check.compose });
      break;
    case "exec":
      container(check.exec);
      break;
    case "dockerfile":
      if (check.from) refs.push({ kind: "images", name: check.from, textOnly: true });
      break;
  }
  return refs;
}
