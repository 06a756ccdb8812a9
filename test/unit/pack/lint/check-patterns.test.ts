import { describe, expect, it } from "vitest";
import { lessonText, lintFiles, taskStep } from "../../../support/lint-pack.js";

const head = ["images: [busybox:latest]", "resources:", "  containers: [tutor-web]"];
const solution = "docker run -d --name tutor-web busybox sleep 60";

async function lintChecks(check: string): Promise<string[]> {
  return lintFiles({ "lesson.md": lessonText(head, taskStep("task", check, solution)) });
}

describe("matches: patterns", () => {
  it("that do not compile are an error at their check", async () => {
    const check = [
      "- file: notes.txt",
      '  matches: "(["',
      "- container: tutor-web",
      "  logs: { matches: 'ready(?=!)' }",
    ].join("\n");
    expect(await lintChecks(check)).toEqual([
      'lesson.md:15:3: matches: "([" is not a valid regular expression (missing closing ]: `[`); patterns are RE2, without lookarounds or backreferences',
      'lesson.md:17:3: matches: "ready(?=!)" is not a valid regular expression (invalid or unsupported Perl syntax: `(?=`); patterns are RE2, without lookarounds or backreferences',
    ]);
  });

  it("are found under not: too", async () => {
    const problems = await lintChecks("- not:\n    file: notes.txt\n    matches: '\\1'");
    expect(problems).toEqual([
      'lesson.md:15:3: matches: "\\1" is not a valid regular expression (invalid escape sequence: `\\1`); patterns are RE2, without lookarounds or backreferences',
    ]);
  });

  it("that compile pass, catastrophic ones included: RE2 runs them in linear time", async () => {
    const check = [
      "- file: notes.txt",
      "  matches: '^version: \\d+$'",
      "- file: notes.txt",
      "  matches: '^(a+)+$'",
    ].join("\n");
    expect(await lintChecks(check)).toEqual([]);
  });
});
