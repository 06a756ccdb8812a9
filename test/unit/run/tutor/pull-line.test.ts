import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/i18n/index.js";
import { pullLine } from "../../../../src/run/tutor/steps/images.js";

const state = (layers: number, current = 0, total = 0) => ({ ref: "busybox:latest", layers, current, total });

describe("the pull's progress line", () => {
  const en = { t: translator("en") };
  const fr = { t: translator("fr") };

  it("names the image before any layer is known, with no empty byte counts", () => {
    expect(pullLine(en, state(0))).toBe("Pulling busybox:latest…");
    expect(pullLine(fr, state(0))).toBe("Téléchargement de busybox:latest…");
  });

  it("counts layers in words that agree, and bytes as docker shows them", () => {
    expect(pullLine(en, state(1, 32_768, 1_100_000))).toBe(
      "Pulling busybox:latest: 1 layer, 32.8 kB of 1.1 MB",
    );
    expect(pullLine(en, state(3, 5_000_000, 29_000_000))).toBe(
      "Pulling busybox:latest: 3 layers, 5.0 MB of 29.0 MB",
    );
    expect(pullLine(fr, state(2, 0, 1_000))).toBe(
      "Téléchargement de busybox:latest : 2 couches, 0 B sur 1.0 kB",
    );
  });
});
