/** Checks in words for authors (`preview`): every kind words its checks, in each language the tutor speaks. */
import { describe, expect, it } from "vitest";
import { defineCheckKind } from "../../../src/checks/check-kind.js";
import { kindInWords } from "../../../src/checks/in-words.js";
import { checkKindRegistry } from "../../../src/checks/kinds/index.js";
import { translator, uiLanguages } from "../../../src/i18n/index.js";
import { inWords } from "../../support/checks.js";

describe("checks in words", () => {
  it("are written by every registered kind, next to its evaluator", () => {
    const withoutWords = checkKindRegistry.filter((kind) => typeof kind.describe !== "function");
    expect(withoutWords.map((kind) => kind.key)).toEqual([]);
  });

  it("say `not:` around the check it negates, in each language", () => {
    expect(inWords("- not:\n    container: tutor-old")).toBe("not: container tutor-old exists");
    expect(inWords("- not:\n    image: tutor-box:1.0", "fr")).toBe(
      "l'inverse de : l'image tutor-box:1.0 existe",
    );
    for (const language of uiLanguages)
      expect(inWords("- not: {http: 8080}", language)).toMatch(/http:\/\/localhost:8080\//);
  });

  it("fall back to the label for a kind that has no words yet", () => {
    const wordless = defineCheckKind<"x", { kind: "x"; x: string }>({
      key: "x",
      schema: undefined as never,
      label: (check) => `x ${check.x}`,
      references: () => [],
      evaluate: async () => ({ passed: true, message: "" }),
    });
    expect(kindInWords(wordless, { kind: "x", x: "y" }, translator("fr"))).toBe("x y");
  });
});

describe("happened in words", () => {
  it("says the event wanted", () => {
    expect(inWords("- happened: {action: kill, container: tutor-ticker, signal: SIGKILL}")).toBe(
      "during the step, the engine reported the event kill for container tutor-ticker with signal SIGKILL",
    );
    expect(inWords("- not:\n    happened: {action: create, image: tutor-logging-app}", "fr")).toBe(
      "l'inverse de : pendant l'étape, le moteur a signalé l'événement create de l'image tutor-logging-app",
    );
  });
});
