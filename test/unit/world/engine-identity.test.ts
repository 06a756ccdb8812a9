import { describe, expect, it } from "vitest";
import { engineIdentity } from "../../../src/world/provenance.js";

describe("which engine a lesson's start marker belongs to", () => {
  const socket = "unix:///run/podman/podman.sock";

  it("is Docker's engine ID", () => {
    const docker = { ID: "2QJX:7B4F:EXAMPLE", Name: "host", ServerVersion: "20.10.24" };
    expect(engineIdentity(docker, "unix:///var/run/docker.sock")).toBe("2QJX:7B4F:EXAMPLE");
  });

  it("is the address of an engine that gives no ID", () => {
    expect(engineIdentity({}, "tcp://10.0.0.5:2375")).toBe("tcp://10.0.0.5:2375");
    expect(engineIdentity({ ID: "" }, "tcp://10.0.0.5:2375")).toBe("tcp://10.0.0.5:2375");
  });

  it("is Podman's address, since its ID changes on every call", () => {
    // Two /info replies of one Podman 4.3, a moment apart (trimmed).
    const first = { ID: "7f31add2-dc02-4cab-8e34-4c6fd671e8b7", BuildahVersion: "1.28.2", Rootless: false };
    const second = { ID: "15d7593f-e38e-4c3e-8c3c-4fac8e939d49", BuildahVersion: "1.28.2", Rootless: false };
    expect(engineIdentity(first, socket)).toBe(socket);
    expect(engineIdentity(second, socket)).toBe(engineIdentity(first, socket));
  });
});
