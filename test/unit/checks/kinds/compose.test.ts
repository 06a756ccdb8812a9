/**
 * `compose:` checks judged on the container list recorded from a real engine (test/fixtures/inspect/):
 * project tutor-rec-app has web ×2 and db running, and worker exited, told apart by their labels only.
 */
import { describe, expect, it } from "vitest";
import { composeKind } from "../../../../src/checks/kinds/compose.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";
import { recordedContext } from "../../../support/recorded-engine.js";

const project = "tutor-rec-app";
const ctx = recordedContext();

describe("compose check, its label and references", () => {
  it("names the project", () => {
    const check = parseAs(composeKind, `- { compose: ${project}, services: [web] }`);
    expect(composeKind.label(check)).toBe(`compose project ${project}`);
    expect(composeKind.references(check)).toEqual([{ kind: "projects", name: project }]);
  });
});

describe("compose check on recorded containers", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(composeKind, `- compose: ${project}`);
    expect(await composeKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("counts the running containers of each service", async () => {
    expect(
      await passes(
        `- { compose: ${project}, services: [web, db], count: { web: 2, db: 1, worker: 0 } }`,
        ctx,
      ),
    ).toBe(
      `compose project ${project} runs services web and db, runs 2 containers of web, runs 1 container of db and runs 0 containers of worker`,
    );
    expect(await fails(`- { compose: ${project}, count: { web: 3 } }`, ctx)).toBe(
      `compose project ${project} runs db ×1, web ×2, worker ×0; expected web ×3`,
    );
    expect(await fails(`- { compose: ${project}, count: { cache: 1 } }`, ctx)).toBe(
      `compose project ${project} runs db ×1, web ×2, worker ×0; expected cache ×1`,
    );
  });

  it("wants each named service running", async () => {
    expect(await fails(`- { compose: ${project}, services: [web, worker] }`, ctx)).toBe(
      `compose project ${project} runs db ×1, web ×2, worker ×0; expected worker running`,
    );
    expect(await fails(`- { compose: ${project}, services: [cache] }`, ctx)).toBe(
      `compose project ${project} runs db ×1, web ×2, worker ×0; expected cache running`,
    );
  });

  it("asks whether a project with no containers is up", async () => {
    expect(await fails(`- compose: tutor-rec-empty`, ctx)).toBe(
      "compose project tutor-rec-empty has no containers (is it up?)",
    );
  });
});

describe("compose check in words", () => {
  it("says the services and counts, in English and in French", () => {
    const yaml = "- compose: tutor-shop\n  services: [web, db]\n  count: {web: 2}";
    expect(inWords(yaml)).toBe(
      "compose project tutor-shop runs services web and db and runs 2 containers of web",
    );
    expect(inWords(yaml, "fr")).toBe(
      "le projet compose tutor-shop fait tourner les services web et db et fait tourner 2 conteneurs de web",
    );
    expect(inWords("- compose: tutor-shop\n  services: [web]")).toBe(
      "compose project tutor-shop runs service web",
    );
    expect(inWords("- compose: tutor-shop")).toBe("compose project tutor-shop has containers");
  });
});
