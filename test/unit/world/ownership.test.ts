import { describe, expect, it } from "vitest";
import { imageRepository, normalizeImageRef } from "../../../src/world/image-refs.js";
import { owns, sameNetwork } from "../../../src/world/ownership.js";
import { cameAfter } from "../../../src/world/provenance.js";
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

describe("what came after a lesson started", () => {
  const marker = { since: "2026-11-28T06:20:00.400000000Z", imagesBefore: [] };
  const second = Date.parse("2026-11-28T06:20:00Z") / 1000;

  it("takes a time given to the second as after only from the next whole second", () => {
    expect(cameAfter(marker, second)).toBe(false); // made in the start's own second: maybe before it
    expect(cameAfter(marker, second + 1)).toBe(true);
    expect(cameAfter(marker, "2026-11-28T06:20:00Z")).toBe(false);
    expect(cameAfter(marker, "2026-11-28T06:20:01Z")).toBe(true);
  });

  it("compares finer times exactly", () => {
    expect(cameAfter(marker, "2026-11-28T06:20:00.399999Z")).toBe(false);
    expect(cameAfter(marker, "2026-11-28T06:20:00.500000001Z")).toBe(true);
  });

  it("counts nothing as after when no start is recorded, or the time is unknown", () => {
    expect(cameAfter(undefined, second + 100)).toBe(false);
    expect(cameAfter(marker, undefined)).toBe(false);
    expect(cameAfter(marker, "not a time")).toBe(false);
  });
});

describe("Podman's names for what Docker calls otherwise", () => {
  it("takes podman and bridge for the same default network", () => {
    expect(sameNetwork("podman", "bridge")).toBe(true);
    expect(sameNetwork("bridge", "podman")).toBe(true);
    expect(sameNetwork("tutor-net", "bridge")).toBe(false);
  });

  it("takes localhost/NAME for the image Docker calls NAME, but not a registry on a port", () => {
    expect(normalizeImageRef("localhost/busybox:latest")).toBe("busybox:latest");
    expect(normalizeImageRef("localhost/tutor-box")).toBe("tutor-box:latest");
    expect(normalizeImageRef("localhost:5055/tutor-hello:1")).toBe("localhost:5055/tutor-hello:1");
  });
});
