import { describe, expect, it } from "vitest";
import { portHostFor } from "../../../src/checks/check-context.js";

describe("where published ports answer", () => {
  it("is this machine for a local engine", () => {
    expect(portHostFor("unix:///var/run/docker.sock")).toBe("127.0.0.1");
    expect(portHostFor("npipe:////./pipe/docker_engine")).toBe("127.0.0.1");
  });

  it("is the engine's host for a remote one, over tcp, TLS or SSH", () => {
    expect(portHostFor("tcp://10.0.0.5:2375")).toBe("10.0.0.5");
    expect(portHostFor("https://docker.example.com:2376")).toBe("docker.example.com");
    expect(portHostFor("ssh://learner@build-box:2222")).toBe("build-box");
  });

  it("takes an IPv6 address without its brackets (the http check adds them back)", () => {
    expect(portHostFor("tcp://[::1]:2375")).toBe("::1");
    expect(portHostFor("ssh://me@[fd00::5]")).toBe("fd00::5");
  });
});
