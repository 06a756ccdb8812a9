/** The steps a lesson says need Docker itself are steps of the lesson: a misspelt id would skip nothing. */
import { problem } from "../problem.js";
import type { LintRule } from "./rule.js";

export const engineSteps: LintRule = {
  name: "engine-steps",
  check: ({ file, meta, steps, locateMeta }) => {
    const listed = meta?.engine?.docker;
    if (!Array.isArray(listed)) return [];
    const ids = new Set(steps.map((s) => s.id));
    return listed.flatMap((id, index) =>
      ids.has(id)
        ? []
        : [
            problem(
              file,
              locateMeta(["engine", "docker", index]),
              `engine.docker names "${id}", which is no step of this lesson`,
            ),
          ],
    );
  },
};
