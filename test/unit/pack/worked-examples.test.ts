import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../../src/pack/load-pack.js";
import { localize, type Pack } from "../../../src/pack/model.js";
import { repoRoot } from "../../support/paths.js";

// A task teaches when the learner works the command out: the step's text shows the command on
// other names or values, and only the last hint gives it whole (docs/authoring.md, section 1).
// This counts the task steps whose text still prints a line of their own solution.

/** A solution line shorter than this (`cd app`, `exit`) says nothing worth hiding. */
const trivialLength = 12;
/** At most this share of task steps, per language, may print a line of their solution. */
const allowedShare = 0.15;

/**
 * Whitespace squeezed, and the spellings a solution uses for what the learner types written the
 * learner's way: `$DOCKER_TUTOR_COMPOSE` is `docker compose`, `$PWD` is `$(pwd)`.
 */
const squeeze = (text: string): string =>
  text
    .replace(/\$\{?DOCKER_TUTOR_COMPOSE\}?/g, "docker compose")
    .replace(/\$\{?PWD\}?/g, "$(pwd)")
    .replace(/\s+/g, " ")
    .trim();

/** The solution's command lines: continuations joined, comments and trivial lines left out. */
function solutionLines(script: string): string[] {
  return script
    .replace(/\\\n/g, " ")
    .split("\n")
    .map(squeeze)
    .filter((line) => line.length >= trivialLength && !line.startsWith("#"));
}

/** Whether the step's text (its prose, without hint, solution, check or quiz blocks) prints one of the lines. */
function printsOwnSolution(prose: string, lines: string[]): boolean {
  const text = squeeze(prose);
  return lines.some((line) => text.includes(line));
}

function offenders(pack: Pack, language: string): { tasks: number; printing: string[] } {
  let tasks = 0;
  const printing: string[] = [];
  for (const lesson of pack.lessons) {
    // What the learner reads in that language: a step it lacks is shown in the primary one.
    const { text } = localize(lesson, language);
    for (const step of lesson.steps) {
      if (step.kind !== "task" || !step.solution) continue;
      tasks++;
      const prose = text.steps[step.id]?.prose ?? "";
      if (printsOwnSolution(prose, solutionLines(step.solution.script)))
        printing.push(`${lesson.id}#${step.id}`);
    }
  }
  return { tasks, printing };
}

describe("tasks are worked out, not copied", () => {
  let pack: Pack;
  beforeAll(async () => {
    const loaded = await loadPack(path.join(repoRoot, "lessons"));
    if (!loaded.pack) throw new Error("the built-in pack does not load");
    pack = loaded.pack;
  });

  it("finds a solution line in a step's text, whatever its wrapping, and ignores comments and short lines", () => {
    const lines = solutionLines(
      "# start it\ndocker run -d --name tutor-web \\\n  -p 8081:80 busybox\ncd app\n",
    );
    expect(lines).toEqual(["docker run -d --name tutor-web -p 8081:80 busybox"]);
    expect(printsOwnSolution("Type\n`docker run -d --name tutor-web\n-p 8081:80 busybox` now.", lines)).toBe(
      true,
    );
    expect(printsOwnSolution("Run `docker run -d --name tutor-demo -p 9090:80 busybox`.", lines)).toBe(false);
    expect(printsOwnSolution("Then `cd app` and start it.", solutionLines("cd app"))).toBe(false);
    // What the learner would type is compared, not how verify spells it.
    expect(
      printsOwnSolution("Run `docker compose up -d`.", solutionLines("$DOCKER_TUTOR_COMPOSE up -d")),
    ).toBe(true);
    expect(
      printsOwnSolution('`-v "$(pwd)/site:/www" busybox`', solutionLines('-v "$PWD/site:/www" busybox')),
    ).toBe(true);
  });

  for (const language of ["en", "fr"]) {
    it(`at most 15% of task steps print a line of their own solution (${language})`, () => {
      const { tasks, printing } = offenders(pack, language);
      expect(tasks).toBeGreaterThan(0);
      const share = printing.length / tasks;
      expect(
        share,
        `${language}: ${printing.length} of ${tasks} task steps print their solution: ${printing.join(", ")}`,
      ).toBeLessThanOrEqual(allowedShare);
    });
  }
});
