/** verify's report as JUnit XML: a test suite per lesson, a test case per step. */
import { leftoverVerdict, stepVerdict } from "../run/verify/verdict.js";
import type { LessonReport } from "../run/verify/verify.js";
import { failureDetails } from "./verify-log.js";

function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // XML 1.0 forbids most control characters, which solution output may hold.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

export function junitXml(lessons: LessonReport[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const suites = lessons.map((lesson) => {
    const { failures, errors } = count([lesson]);
    const cases = lesson.steps.map((step) => {
      const name = `${step.id} (${step.kind})`;
      const open = `    <testcase classname="${xmlEscape(`${lesson.pack}.${lesson.id}`)}" name="${xmlEscape(name)}" time="${seconds(step.ms)}"`;
      const verdict = stepVerdict(step);
      if (verdict === "ok") return `${open}/>`;
      if (verdict === "skipped")
        return `${open}>\n      <skipped message="${xmlEscape(step.skipped ?? "")}"/>\n    </testcase>`;
      // An engine outage is an <error> (the run could not judge), not a <failure> of the lesson.
      const tag = verdict === "engine-error" ? "error" : "failure";
      const details = xmlEscape(failureDetails(step).join("\n"));
      return `${open}>\n      <${tag} message="${xmlEscape(step.failure ?? "")}">${details}</${tag}>\n    </testcase>`;
    });
    if (lesson.refused !== undefined) {
      const message = `not run: ${lesson.refused}`;
      cases.push(
        `    <testcase classname="${xmlEscape(`${lesson.pack}.${lesson.id}`)}" name="start" time="0">\n      <error message="${xmlEscape(message)}"/>\n    </testcase>`,
      );
    }
    if (leftoverVerdict(lesson) !== "ok") {
      const message = `left behind after reset: ${lesson.leftovers.join(", ")}`;
      cases.push(
        `    <testcase classname="${xmlEscape(`${lesson.pack}.${lesson.id}`)}" name="cleanup" time="0">\n      <failure message="${xmlEscape(message)}"/>\n    </testcase>`,
      );
    }
    return `  <testsuite name="${xmlEscape(`${lesson.pack}/${lesson.id}`)}" tests="${cases.length}" failures="${failures}"${errorsAttribute(errors)} time="${seconds(lesson.ms)}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const { tests, failures, errors } = count(lessons);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="docker-tutor verify" tests="${tests}" failures="${failures}"${errorsAttribute(errors)}>\n${suites.join("\n")}\n</testsuites>\n`;
}

/** Test cases, failures and errors, by the verdicts: a case per step, one more for leftovers. */
function count(lessons: LessonReport[]): { tests: number; failures: number; errors: number } {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const lesson of lessons) {
    for (const verdict of [...lesson.steps.map(stepVerdict), leftoverVerdict(lesson)]) {
      if (verdict === "lesson-failure") failures++;
      if (verdict === "engine-error") errors++;
    }
    if (lesson.refused !== undefined) errors++;
    tests +=
      lesson.steps.length +
      (leftoverVerdict(lesson) === "ok" ? 0 : 1) +
      (lesson.refused !== undefined ? 1 : 0);
  }
  return { tests, failures, errors };
}

/** ` errors="n"` when the engine failed somewhere: an optional attribute, left out when there are none. */
function errorsAttribute(errors: number): string {
  return errors > 0 ? ` errors="${errors}"` : "";
}
