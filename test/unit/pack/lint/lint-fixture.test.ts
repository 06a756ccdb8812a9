import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack } from "../../../../src/pack/load-pack.js";
import { formatProblem } from "../../../../src/pack/problem.js";
import { fixturePacks } from "../../../support/paths.js";

const broken = path.join(fixturePacks, "broken");

describe("lint on a pack with one of each mistake", () => {
  it("reports every mistake as file:line:col, and nothing else", async () => {
    const { problems } = await loadPack(broken);
    const lines = problems.map((p) => formatProblem({ ...p, file: path.relative(broken, p.file) }));
    expect(lines).toEqual([
      'escape.md:7:8: files: "../../../../../etc" points outside the pack',
      'mistakes.fr.md:1:1: missing step "not-owned" (present in mistakes.md)',
      'mistakes.fr.md:21:1: extra step "extra-step": the primary file has no step with this id',
      'mistakes.md:16:10: duplicate step id "intro" (first used on line 12)',
      'mistakes.md:23:3: unknown check kind "contianer" (did you mean "container"?); expected one of container, image, volume, network, compose, http, exec, file, dockerfile, happened, not',
      'mistakes.md:38:3: unknown field "stat" in a container check (did you mean "state"?); allowed: container, state, exitCode, image, ports, mounts, networks, env, labels, restart, byDigest, health, memory, cpus, logs',
      'mistakes.md:49:1: task step "no-solution" has no solution block',
      'mistakes.md:60:1: task step "no-hint" has no hint block',
      'mistakes.md:83:1: the solution uses image "nginx:alpine", which is not declared: add it to images',
      'mistakes.md:89:3: a check uses container "my-own-web", which the lesson does not own: add it to resources.containers',
      'pack.yaml:10:5: duplicate lesson id "twin" (also in twin-a.md)',
      'pack.yaml:12:5: lesson "../outside.md" points outside the pack',
      'schema-error.md:5:8: field "level" must be one of "beginner", "intermediate", "advanced"',
      "yaml-error.md:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  it("still loads the lessons that are usable", async () => {
    const { pack } = await loadPack(broken);
    expect(pack?.lessons.map((l) => l.id)).toEqual(["mistakes", "twin", "escape"]);
  });
});

describe("lint on the built-in pack", () => {
  it("finds no problem", async () => {
    const { problems, pack } = await loadPack(path.join(fixturePacks, "..", "..", "..", "lessons"));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(pack?.lessons.length).toBeGreaterThan(0);
    for (const lesson of pack?.lessons ?? []) expect(lesson.languages).toEqual(["en", "fr"]);
  });
});
