import { describe, expect, it } from "vitest";
import { eventMatters } from "../../../../src/run/tutor/watch.js";
import { EventRelevance } from "../../../../src/world/event-relevance.js";
import { ownExecs } from "../../../../src/world/own-execs.js";
import { emptyResources } from "../../../../src/world/resources.js";

describe("which engine events re-check a step", () => {
  it("counts the learner's changes", () => {
    expect(
      eventMatters('{"Type":"container","Action":"start","Actor":{"Attributes":{"name":"tutor-web"}}}'),
    ).toBe(true);
    expect(eventMatters('{"Type":"volume","Action":"create","Actor":{"Attributes":{}}}')).toBe(true);
  });

  it("ignores what the tutor's own checks cause", () => {
    expect(
      eventMatters('{"Type":"container","Action":"exec_start: cat /tmp/x","Actor":{"Attributes":{}}}'),
    ).toBe(false);
    expect(eventMatters('{"Type":"container","Action":"exec_die","Actor":{"Attributes":{}}}')).toBe(false);
    // Podman 4's names for the same: `exec` and `exec_died`.
    expect(eventMatters('{"Type":"container","Action":"exec","Actor":{"Attributes":{}}}')).toBe(false);
    expect(eventMatters('{"Type":"container","Action":"exec_died","Actor":{"Attributes":{}}}')).toBe(false);
    expect(
      eventMatters(
        '{"Type":"container","Action":"start","Actor":{"Attributes":{"org.docker-tutor.helper":"true"}}}',
      ),
    ).toBe(false);
  });

  it("counts the learner's exec at a step that reads history, never the tutor's own", () => {
    const execs = ownExecs();
    execs.note("tutor-exec");
    const exec = (action: string, execID: string) =>
      JSON.stringify({ Type: "container", Action: action, Actor: { Attributes: { name: "x", execID } } });
    expect(eventMatters(exec("exec_start: sh", "learner-exec"), undefined, execs)).toBe(true);
    expect(eventMatters(exec("exec_die", "learner-exec"), undefined, execs)).toBe(true);
    expect(eventMatters(exec("exec_start: cat /tmp/x", "tutor-exec"), undefined, execs)).toBe(false);
    // Created, the tutor's exec is not yet known as its own: creation never counts.
    expect(eventMatters(exec("exec_create: sh", "learner-exec"), undefined, execs)).toBe(false);
    // Without history to read, no exec counts.
    expect(eventMatters(exec("exec_start: sh", "learner-exec"))).toBe(false);
  });

  it("counts what it cannot read, rather than miss a change", () => {
    expect(eventMatters("not json")).toBe(true);
    expect(eventMatters("null", new EventRelevance(emptyResources()))).toBe(true);
  });

  it("asks the step's relevance when there is one", () => {
    const relevance = new EventRelevance({ ...emptyResources(), containers: ["tutor-web"] });
    const start = (name: string) =>
      JSON.stringify({ Type: "container", Action: "start", Actor: { ID: "c1", Attributes: { name } } });
    expect(eventMatters(start("tutor-web"), relevance)).toBe(true);
    expect(eventMatters(start("my-own-app"), relevance)).toBe(false);
  });
});
