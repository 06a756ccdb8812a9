import { describe, expect, it } from "vitest";
import { lessonText, lintFiles, taskStep } from "../../../support/lint-pack.js";

const solution = "echo 'version: 1' > notes.txt";

async function lintChecks(check: string): Promise<string[]> {
  return lintFiles({ "lesson.md": lessonText([], taskStep("task", check, solution)) });
}

describe("file: and dockerfile: check paths", () => {
  it("that are absolute are an error at their check", async () => {
    const check = ["- file: /etc/passwd", "- dockerfile: /srv/app/Dockerfile", "  has: [RUN]"].join("\n");
    expect(await lintChecks(check)).toEqual([
      `lesson.md:12:3: file: "/etc/passwd" is absolute; checks read inside the lesson's working folder only`,
      `lesson.md:13:3: dockerfile: "/srv/app/Dockerfile" is absolute; checks read inside the lesson's working folder only`,
    ]);
  });

  it("that leave the working folder once .. is worked out are an error, under not: too", async () => {
    const check = ["- file: ../../../etc/passwd", "- not:", "    file: app/../../secret.txt"].join("\n");
    expect(await lintChecks(check)).toEqual([
      `lesson.md:12:3: file: "../../../etc/passwd" points outside the lesson's working folder`,
      `lesson.md:13:3: file: "app/../../secret.txt" points outside the lesson's working folder`,
    ]);
  });

  it("that stay inside pass", async () => {
    const check = [
      "- file: notes.txt",
      "- file: app/../notes.txt",
      "- dockerfile: ./app/Dockerfile",
      "  has: [RUN]",
    ].join("\n");
    expect(await lintChecks(check)).toEqual([]);
  });
});
