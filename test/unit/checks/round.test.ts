import { describe, expect, it } from "vitest";
import { upSeconds } from "../../../src/checks/round.js";

describe("how long a container has been up, in the engine's words", () => {
  it("reads Docker's and Podman's status lines", () => {
    expect(upSeconds("Up Less than a second")).toBe(0);
    expect(upSeconds("Up 1 second")).toBe(1);
    expect(upSeconds("Up 12 seconds")).toBe(12);
    expect(upSeconds("Up 12 seconds (healthy)")).toBe(12);
    expect(upSeconds("Up 3 seconds ago")).toBe(3);
    expect(upSeconds("Up 12 seconds (Paused)")).toBe(12);
  });

  it("counts a minute or more as a minute: long past any check's bound", () => {
    for (const status of ["Up About a minute", "Up 5 minutes", "Up About an hour", "Up 3 days", "Up 2 weeks"])
      expect(upSeconds(status)).toBe(60);
  });

  it("says nothing of words it does not know", () => {
    expect(upSeconds("Exited (0) 3 seconds ago")).toBeUndefined();
    expect(upSeconds("Restarting (1) 2 seconds ago")).toBeUndefined();
    expect(upSeconds(undefined)).toBeUndefined();
    expect(upSeconds("Up forever")).toBeUndefined();
  });
});
