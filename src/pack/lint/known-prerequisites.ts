/** Prerequisites are advisory, but a misspelt one would never be shown: each names a lesson of the pack. */
import { problem } from "../problem.js";
import type { LintRule } from "./rule.js";

export const knownPrerequisites: LintRule = {
  name: "known-prerequisites",
  check: ({ file, meta, locateMeta }, pack) =>
    (meta?.requires ?? []).flatMap((id, index) =>
      pack.lessonIds.has(id)
        ? []
        : [
            problem(
              file,
              locateMeta(["requires", index]),
              `requires "${id}", which is no lesson of this pack`,
              "warning",
            ),
          ],
    ),
};
