import { describe, expect, it } from "vitest";
import { allEvents, type EngineEvent, EventRelevance } from "../../../src/world/event-relevance.js";
import { emptyResources, type Resources } from "../../../src/world/resources.js";

const interest = (extra: Partial<Resources>): Resources => ({ ...emptyResources(), ...extra });

const event = (
  Type: string,
  Action: string,
  ID: string,
  Attributes: Record<string, string> = {},
): EngineEvent => ({
  Type,
  Action,
  Actor: { ID, Attributes },
});

describe("which engine events can change a step's verdict", () => {
  it("container events of the names the checks look at, exact or by pattern", () => {
    const relevance = new EventRelevance(interest({ containers: ["tutor-web", "tutor-worker-*"] }));
    expect(relevance.relevant(event("container", "start", "a", { name: "tutor-web" }))).toBe(true);
    expect(relevance.relevant(event("container", "die", "b", { name: "tutor-worker-2" }))).toBe(true);
    expect(relevance.relevant(event("container", "start", "c", { name: "storm-17" }))).toBe(false);
    expect(relevance.relevant(event("container", "start", "d", { name: "tutor-webby" }))).toBe(false);
  });

  it("container events of a compose project the checks look at, by its label", () => {
    const relevance = new EventRelevance(interest({ projects: ["tutor-app"] }));
    const labels = { name: "tutor-app-web-1", "com.docker.compose.project": "tutor-app" };
    expect(relevance.relevant(event("container", "start", "a", labels))).toBe(true);
    const other = { name: "shop-web-1", "com.docker.compose.project": "shop" };
    expect(relevance.relevant(event("container", "start", "b", other))).toBe(false);
  });

  it("network events of a container of interest, even on a built-in network, and of its own networks", () => {
    const relevance = new EventRelevance(
      interest({ containers: ["tutor-web"], networks: ["tutor-net", "bridge"] }),
    );
    expect(
      relevance.relevant(event("network", "connect", "n1", { name: "bridge", container: "web-id" })),
    ).toBe(false);
    relevance.relevant(event("container", "create", "web-id", { name: "tutor-web" }));
    expect(
      relevance.relevant(event("network", "connect", "n1", { name: "bridge", container: "web-id" })),
    ).toBe(true);
    expect(relevance.relevant(event("network", "create", "n2", { name: "tutor-net" }))).toBe(true);
    // Every container starting on the default network sends this: not a reason to re-check.
    expect(relevance.relevant(event("network", "connect", "n1", { name: "bridge", container: "x" }))).toBe(
      false,
    );
  });

  it("knows containers that existed before the watch began", () => {
    const relevance = new EventRelevance(interest({ containers: ["tutor-web"] }));
    relevance.noteContainer("old-id", "tutor-web");
    relevance.noteContainer("other-id", "someone-else");
    expect(
      relevance.relevant(event("network", "disconnect", "n", { name: "bridge", container: "old-id" })),
    ).toBe(true);
    expect(relevance.relevant(event("volume", "mount", "v", { container: "old-id" }))).toBe(true);
    expect(relevance.relevant(event("volume", "mount", "v", { container: "other-id" }))).toBe(false);
  });

  it("volume and image events by name; an image event that names only an id counts", () => {
    const relevance = new EventRelevance(interest({ volumes: ["tutor-data"], images: ["tutor-app"] }));
    expect(relevance.relevant(event("volume", "create", "tutor-data"))).toBe(true);
    expect(relevance.relevant(event("volume", "create", "cache"))).toBe(false);
    expect(relevance.relevant(event("image", "tag", "sha256:1", { name: "tutor-app:2" }))).toBe(true);
    expect(relevance.relevant(event("image", "tag", "sha256:2", { name: "nginx:latest" }))).toBe(false);
    expect(relevance.relevant(event("image", "delete", "sha256:3"))).toBe(true);
  });

  it("events of other types count, rather than miss a change", () => {
    expect(new EventRelevance(emptyResources()).relevant({ Type: "plugin", Action: "enable" })).toBe(true);
  });
});

describe("the event subscriptions a step needs", () => {
  it("asks the engine for the containers of interest by name, and each compose project by its label", () => {
    expect(
      new EventRelevance(
        interest({ containers: ["tutor-web", "tutor-db"], projects: ["tutor-app"] }),
      ).subscriptions(),
    ).toEqual([
      { type: ["container"], container: ["tutor-web", "tutor-db"] },
      { type: ["container"], label: ["com.docker.compose.project=tutor-app"] },
    ]);
  });

  it("takes every container event when a name is a pattern, and sorts them out itself", () => {
    expect(
      new EventRelevance(
        interest({ containers: ["tutor-worker-*"], projects: ["tutor-app"] }),
      ).subscriptions(),
    ).toEqual([{ type: ["container"] }]);
  });

  it("adds the other kinds the step names, unfiltered by name", () => {
    expect(
      new EventRelevance(
        interest({ containers: ["tutor-web"], networks: ["tutor-net"], volumes: ["tutor-data"] }),
      ).subscriptions(),
    ).toEqual([{ type: ["container"], container: ["tutor-web"] }, { type: ["volume", "network"] }]);
  });

  it("still hears the engine when the step names nothing on it", () => {
    expect(new EventRelevance(emptyResources()).subscriptions()).toEqual([allEvents]);
  });
});
