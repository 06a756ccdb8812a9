import { describe, expect, it } from "vitest";
import { describeNeeds, type EngineFacts, unmetNeeds } from "../../../src/run/needs.js";

const docker20: EngineFacts = {
  apiVersion: "1.41",
  podman: false,
  builder: "classic",
  compose: { command: "docker-compose", version: "1.29.2" },
};
const docker28: EngineFacts = {
  apiVersion: "1.51",
  podman: false,
  builder: "buildkit",
  compose: { command: "docker compose", version: "2.40.3" },
};
const podman: EngineFacts = { ...docker20, podman: true };

describe("what a lesson needs of the engine", () => {
  const needs = { minApi: "1.44", buildkit: true, compose: 2 as const };

  it("is met by a current Docker with BuildKit and Compose v2", () => {
    expect(unmetNeeds(needs, docker28)).toEqual([]);
  });

  it("says, in words, what an older engine lacks", () => {
    expect(unmetNeeds(needs, docker20)).toEqual([
      "needs API 1.44 or newer (this engine has 1.41)",
      "needs BuildKit (docker build here uses the classic builder: install docker-buildx)",
      "needs Compose v2 (here: docker-compose 1.29.2)",
    ]);
  });

  it("holds steps that need Docker itself back on Podman only", () => {
    const dockerSteps = { docker: ["commit-image"] };
    expect(unmetNeeds(dockerSteps, podman, "commit-image")).toEqual([
      "needs Docker itself (Podman's compatible API cannot do this step)",
    ]);
    expect(unmetNeeds(dockerSteps, podman, "tag")).toEqual([]);
    expect(unmetNeeds(dockerSteps, docker20, "commit-image")).toEqual([]);
    expect(unmetNeeds({ docker: true }, podman)).toEqual([
      "needs Docker itself (Podman's compatible API cannot do it)",
    ]);
  });

  it("reads a standalone docker-compose 2 as Compose v2", () => {
    const standalone = { ...docker20, compose: { command: "docker-compose", version: "2.29.1" } };
    expect(unmetNeeds({ compose: 2 }, standalone)).toEqual([]);
  });

  it("is said in a few words for the menu and doctor", () => {
    expect(describeNeeds(needs)).toBe("API 1.44, BuildKit, Compose v2");
    expect(describeNeeds({ docker: ["x"] })).toBeUndefined();
    expect(describeNeeds(undefined)).toBeUndefined();
  });
});
