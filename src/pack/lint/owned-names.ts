/**
 * Every name a check looks at or a solution creates is the lesson's own: the promise that the tutor never
 * touches what is not the lesson's starts here.
 */
import { checkReferences } from "../../checks/references.js";
import { builtInNetworks, owns } from "../../world/ownership.js";
import type { ResourceKind } from "../../world/resources.js";
import { type Problem, problem, type SourcePosition } from "../problem.js";
import type { LintRule } from "./rule.js";
import { analyzeSolution } from "./solution-commands.js";

export const kindWord: Record<ResourceKind, string> = {
  containers: "container",
  images: "image",
  volumes: "volume",
  networks: "network",
  projects: "compose project",
};

export const ownedNames: LintRule = {
  name: "owned-names",
  check({ file, meta, steps }) {
    if (!meta) return [];
    const problems: Problem[] = [];
    const needOwned = (kind: ResourceKind, name: string, at: SourcePosition, where: string) => {
      if (kind === "networks" && builtInNetworks.has(name)) return;
      if (owns(meta.resources, kind, name)) return;
      problems.push(
        problem(
          file,
          at,
          `${where} uses ${kindWord[kind]} "${name}", which the lesson does not own: add it to resources.${kind}`,
        ),
      );
    };
    for (const step of steps) {
      step.checks.forEach((check, i) => {
        const at = step.checkPositions[i] ?? { line: step.line, column: 1 };
        for (const ref of checkReferences(check))
          if (ref.kind !== "images") needOwned(ref.kind, ref.name, at, "a check");
      });
      if (!step.solution) continue;
      for (const use of analyzeSolution(step.solution.script)) {
        const at = { line: step.solution.line + use.line, column: 1 };
        for (const created of use.creates) needOwned(created.kind, created.name, at, "the solution");
      }
    }
    return problems;
  },
};
