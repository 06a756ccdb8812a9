import { describe, expect, it } from "vitest";
import { junitXml } from "../../../src/render/junit.js";
import type { LessonReport, StepReport } from "../../../src/run/verify/verify.js";

const step = (id: string, failure?: string, output = ""): StepReport => ({
  id,
  kind: "task",
  negative: "failed-as-expected",
  solution: failure ? "error" : "ok",
  positive: "pass",
  ms: 1500,
  timings: { negativeMs: 1, solutionMs: 1, positiveMs: 1 },
  results: [],
  solutionRun: failure ? { exitCode: 3, output, timedOut: false, ms: 10 } : undefined,
  failure,
  engineError: false,
});

describe("JUnit report", () => {
  it("has a suite per lesson, a case per step, and escapes what solutions print", () => {
    const lesson: LessonReport = {
      id: "demo",
      pack: "p",
      ok: false,
      ms: 3000,
      leftovers: ["container tutor-x"],
      complete: true,
      refused: undefined,
      steps: [step("good"), step("bad", "the solution exited 3", "<oops> & \u001b[31mred\u001b[0m")],
    };
    const xml = junitXml([lesson]);
    expect(xml).toContain('<testsuites name="docker-tutor verify" tests="3" failures="2">');
    expect(xml).toContain('<testcase classname="p.demo" name="good (task)" time="1.500"/>');
    expect(xml).toContain('<failure message="the solution exited 3">the solution exited 3');
    expect(xml).toContain("&lt;oops&gt; &amp; [31mred[0m");
    expect(xml).toContain('<testcase classname="p.demo" name="cleanup" time="0">');
    expect(xml).not.toContain("\u001b");
  });
});
