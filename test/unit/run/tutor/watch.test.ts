import { describe, expect, it } from "vitest";
import { isLearnerEvent } from "../../../../src/run/tutor/watch.js";

describe("which engine events re-check a step", () => {
  it("counts the learner's changes", () => {
    expect(
      isLearnerEvent('{"Type":"container","Action":"start","Actor":{"Attributes":{"name":"tutor-web"}}}'),
    ).toBe(true);
    expect(isLearnerEvent('{"Type":"volume","Action":"create","Actor":{"Attributes":{}}}')).toBe(true);
  });

  it("ignores what the tutor's own checks cause", () => {
    expect(
      isLearnerEvent('{"Type":"container","Action":"exec_start: cat /tmp/x","Actor":{"Attributes":{}}}'),
    ).toBe(false);
    expect(isLearnerEvent('{"Type":"container","Action":"exec_die","Actor":{"Attributes":{}}}')).toBe(false);
    expect(
      isLearnerEvent(
        '{"Type":"container","Action":"start","Actor":{"Attributes":{"org.docker-tutor.helper":"true"}}}',
      ),
    ).toBe(false);
  });

  it("counts what it cannot read, rather than miss a change", () => {
    expect(isLearnerEvent("not json")).toBe(true);
  });
});
