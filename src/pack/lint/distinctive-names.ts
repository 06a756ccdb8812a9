/**
 * Owned names that could be anyone's draw a warning: a lesson that owns `postgres` may remove the
 * learner's own postgres container. Exact names should start with `tutor-` or with the pack's id;
 * patterns with `*` must already start with `tutor-` (the schema says so).
 */
import { type ResourceKind, resourceKinds } from "../../world/resources.js";
import { type Problem, problem } from "../problem.js";
import { kindWord } from "./owned-names.js";
import type { LintRule } from "./rule.js";

export const distinctiveNames: LintRule = {
  name: "distinctive-names",
  check({ file, meta, locateMeta }, pack) {
    if (!meta) return [];
    const problems: Problem[] = [];
    for (const kind of resourceKinds) {
      meta.resources[kind].forEach((name, index) => {
        if (name.includes("*")) return;
        const { registry, rest } = splitName(kind, name);
        if (isDistinctive(rest, pack.id)) return;
        problems.push(
          problem(
            file,
            locateMeta(["resources", kind, index]),
            `resources.${kind}: "${name}" may be the learner's own ${kindWord[kind]}: name it "${registry}tutor-${rest}" (or start it with the pack's id, "${pack.id}-")`,
            "warning",
          ),
        );
      });
    }
    return problems;
  },
};

/** `tutor-web`, or the pack's id followed by a separator: `my-pack-web`, `my-pack_data`, `my-pack/api`. */
function isDistinctive(name: string, packId: string): boolean {
  if (name.startsWith("tutor-") || name === packId) return true;
  return ["-", "_", ".", "/", ":"].some((separator) => name.startsWith(`${packId}${separator}`));
}

/** An image's registry host (`localhost:5055/`) is not part of what makes its name distinctive. */
function splitName(kind: ResourceKind, name: string): { registry: string; rest: string } {
  const slash = name.indexOf("/");
  if (kind !== "images" || slash < 0) return { registry: "", rest: name };
  const first = name.slice(0, slash);
  const isHost = first.includes(".") || first.includes(":") || first === "localhost";
  return isHost ? { registry: `${first}/`, rest: name.slice(slash + 1) } : { registry: "", rest: name };
}
