/** verify's report as JUnit XML: a test suite per lesson, a test case per step. */
import type { LessonReport } from "../verify/verify.js";
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
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
  );
}

export function junitXml(lessons: LessonReport[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const suites = lessons.map((lesson) => {
    const failures = lesson.steps.filter((s) => s.failure).length + (lesson.leftovers.length > 0 ? 1 : 0);
    const cases = lesson.steps.map((step) => {
      const name = `${step.id} (${step.kind})`;
      const open = `    <testcase classname="${xmlEscape(`${lesson.pack}.${lesson.id}`)}" name="${xmlEscape(name)}" time="${seconds(step.ms)}"`;
      if (!step.failure) return `${open}/>`;
      const details = xmlEscape(failureDetails(step).join("\n"));
      return `${open}>\n      <failure message="${xmlEscape(step.failure)}">${details}</failure>\n    </testcase>`;
    });
    if (lesson.leftovers.length > 0) {
      const message = `left behind after reset: ${lesson.leftovers.join(", ")}`;
      cases.push(
        `    <testcase classname="${xmlEscape(`${lesson.pack}.${lesson.id}`)}" name="cleanup" time="0">\n      <failure message="${xmlEscape(message)}"/>\n    </testcase>`,
      );
    }
    return `  <testsuite name="${xmlEscape(`${lesson.pack}/${lesson.id}`)}" tests="${cases.length}" failures="${failures}" time="${seconds(lesson.ms)}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const tests = lessons.reduce((n, l) => n + l.steps.length + (l.leftovers.length > 0 ? 1 : 0), 0);
  const failures = lessons.reduce(
    (n, l) => n + l.steps.filter((s) => s.failure).length + (l.leftovers.length > 0 ? 1 : 0),
    0,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="docker-tutor verify" tests="${tests}" failures="${failures}">\n${suites.join("\n")}\n</testsuites>\n`;
}
