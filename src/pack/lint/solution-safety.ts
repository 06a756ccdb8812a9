/**
 * A solution touches only what the lesson owns: it never removes, stops, kills, execs into or otherwise
 * changes a resource by a name the lesson does not own, never prunes without a label filter, and never
 * takes names from `docker ps` and the like, whose output holds the learner's own things too.
 */
import { builtInNetworks, owns } from "../../world/ownership.js";
import { type Problem, problem } from "../problem.js";
import { kindWord } from "./owned-names.js";
import type { LintRule } from "./rule.js";
import type { ScriptSpot } from "./shell-parser.js";
import { solutionReach } from "./solution-reach.js";

export const solutionSafety: LintRule = {
  name: "solution-safety",
  check({ file, meta, steps }) {
    const problems: Problem[] = [];
    for (const step of steps) {
      if (!step.solution) continue;
      const fence = step.solution.line;
      const at = (spot: ScriptSpot) => ({ line: fence + spot.line, column: spot.column });
      const reach = solutionReach(step.solution.script);
      if (!reach.ok) {
        problems.push(problem(file, at(reach.at), `the solution cannot be read as shell: ${reach.message}`));
        continue;
      }
      for (const sweep of reach.sweeps) problems.push(problem(file, at(sweep.at), sweep.message));
      if (!meta) continue;
      for (const touch of reach.touches) {
        const what = `${kindWord[touch.kind]} "${touch.name}"`;
        if (!touch.known) {
          problems.push(
            problem(
              file,
              at(touch.at),
              `the solution ${touch.does} ${what}, a name the shell makes up when it runs: name the lesson's own resources exactly`,
            ),
          );
          continue;
        }
        if (touch.kind === "networks" && builtInNetworks.has(touch.name)) continue;
        if (owns(meta.resources, touch.kind, touch.name)) continue;
        problems.push(
          problem(
            file,
            at(touch.at),
            `the solution ${touch.does} ${what}, which the lesson does not own: a solution may touch only the lesson's own resources`,
          ),
        );
      }
    }
    return problems;
  },
};
