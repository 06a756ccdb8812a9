import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseCheckList } from "../../../../src/checks/parse.js";
import { stepInterest } from "../../../../src/run/tutor/interest.js";
import { emptyResources } from "../../../../src/world/resources.js";

const step = (yaml: string) => ({ checks: parseCheckList(parse(yaml)).checks });
const owned = { ...emptyResources(), containers: ["tutor-web", "tutor-*"], projects: ["tutor-app"] };

describe("what a step's verdict depends on", () => {
  it("the names its checks look at, through `not:` too, and not the text-only ones", () => {
    const interest = stepInterest(
      step(`
- container: tutor-web
  networks: [tutor-net]
  mounts: [{ target: /data, source: tutor-data }]
- not: { image: tutor-old }
- dockerfile: Dockerfile
  from: busybox
`),
      owned,
    );
    expect(interest).toEqual({
      containers: ["tutor-web"],
      images: ["tutor-old"],
      volumes: ["tutor-data"],
      networks: ["tutor-net"],
      projects: [],
    });
  });

  it("every container and project the lesson owns for an http check, which names none", () => {
    expect(stepInterest(step("- http: 8080\n"), owned)).toEqual({
      ...emptyResources(),
      containers: ["tutor-web", "tutor-*"],
      projects: ["tutor-app"],
    });
  });

  it("nothing to go by for an http check of a lesson that owns no container: every event counts", () => {
    expect(stepInterest(step("- http: 8080\n"), emptyResources())).toBeUndefined();
  });

  it("what a happened: check names, and every container the lesson owns (an event may be any of theirs)", () => {
    expect(stepInterest(step("- happened: {action: pull, image: busybox}\n"), owned)).toEqual({
      ...emptyResources(),
      containers: ["tutor-web", "tutor-*"],
      images: ["busybox"],
      projects: ["tutor-app"],
    });
  });

  it("no engine resources for a step of file checks: the folder watcher covers it", () => {
    expect(stepInterest(step("- file: notes.txt\n"), owned)).toEqual(emptyResources());
  });
});
