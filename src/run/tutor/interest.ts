/** What a step's verdict depends on among the engine's resources: the names its checks look at. */
import { checkReferences, dependsOnUnnamedContainers } from "../../checks/references.js";
import type { Step } from "../../pack/model.js";
import { emptyResources, type Resources } from "../../world/resources.js";

/**
 * The names the step's checks look at, plus every container and compose project the lesson owns for a
 * check that depends on containers it does not name (an http check). Undefined when such a check has no
 * owned container to go by: then every event counts.
 */
export function stepInterest(step: Pick<Step, "checks">, owned: Resources): Resources | undefined {
  const interest = emptyResources();
  for (const check of step.checks) {
    for (const ref of checkReferences(check)) if (!ref.textOnly) interest[ref.kind].push(ref.name);
    if (dependsOnUnnamedContainers(check)) {
      if (owned.containers.length === 0 && owned.projects.length === 0) return undefined;
      interest.containers.push(...owned.containers);
      interest.projects.push(...owned.projects);
    }
  }
  return interest;
}
