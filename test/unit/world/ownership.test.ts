import { describe, expect, it } from "vitest";
import { imageRepository, normalizeImageRef } from "../../../src/world/image-refs.js";
import { owns } from "../../../src/world/ownership.js";
import type { Resources } from "../../../src/world/resources.js";

const resources: Resources = {
  containers: ["tutor-web", "tutor-worker-*"],
  images: ["tutor-app", "localhost:5055/tutor-hello:1"],
  volumes: ["tutor-data"],
  networks: [],
  projects: ["tutor-compose"],
};

describe("what a lesson owns", () => {
  it("matches exact names and tutor- patterns, nothing near them", () => {
    expect(owns(resources, "containers", "tutor-web")).toBe(true);
    expect(owns(resources, "containers", "/tutor-web")).toBe(true);
    expect(owns(resources, "containers", "tutor-web-mine")).toBe(false);
    expect(owns(resources, "containers", "tutor_web")).toBe(false);
    expect(owns(resources, "containers", "tutor-worker-1")).toBe(true);
    expect(owns(resources, "containers", "my-tutor-worker-1")).toBe(false);
  });

  it("owns every tag of an untagged image entry, and only that tag of a tagged one", () => {
    expect(owns(resources, "images", "tutor-app")).toBe(true);
    expect(owns(resources, "images", "tutor-app:2")).toBe(true);
    expect(owns(resources, "images", "tutor-apps:2")).toBe(false);
    expect(owns(resources, "images", "localhost:5055/tutor-hello:1")).toBe(true);
    expect(owns(resources, "images", "localhost:5055/tutor-hello:2")).toBe(false);
  });

  it("normalizes image references the way the engine does", () => {
    expect(normalizeImageRef("busybox")).toBe("busybox:latest");
    expect(normalizeImageRef("docker.io/library/busybox:1.36")).toBe("busybox:1.36");
    expect(normalizeImageRef("localhost:5055/app")).toBe("localhost:5055/app:latest");
    expect(imageRepository("localhost:5055/app:1")).toBe("localhost:5055/app");
  });
});
