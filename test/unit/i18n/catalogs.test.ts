import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/en.js";
import { fr } from "../../../src/i18n/fr.js";
import { detectLanguage, translator } from "../../../src/i18n/index.js";

describe("languages", () => {
  it("takes --lang first, then LANGUAGE, LC_ALL and LANG", () => {
    expect(detectLanguage("fr", { LANG: "en_US.UTF-8" })).toBe("fr");
    expect(detectLanguage(undefined, { LANGUAGE: "fr:en", LANG: "en_US.UTF-8" })).toBe("fr");
    expect(detectLanguage(undefined, { LC_ALL: "fr_CA.UTF-8" })).toBe("fr");
    expect(detectLanguage(undefined, { LANG: "de_DE.UTF-8" })).toBe("en");
    expect(detectLanguage(undefined, {})).toBe("en");
  });

  it("has every string in French, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
      expect(fr[key], key).not.toBe("");
    }
  });

  it("fills placeholders", () => {
    expect(translator("fr")("list.stepOf", { current: 2, total: 7 })).toBe("étape 2/7");
  });

  it("writes numbers as each language does, never grouped", () => {
    expect(translator("en")("diag.container.cpus", { cpus: 0.5 })).toBe("0.5 CPUs");
    expect(translator("fr")("diag.container.cpus", { cpus: 0.5 })).toBe("0,5 processeur");
    expect(translator("fr")("diag.file.tooLarge", { subject: "x", size: 5242880 })).toBe(
      "x est trop gros pour être lu (5242880 octets)",
    );
  });
});

describe("counted words", () => {
  it("agree with their number, by each language's rule", () => {
    const en = translator("en");
    expect(en("list.steps", { steps: 1, tasks: 1, quizzes: 0 })).toBe("1 step: 1 task, 0 quizzes");
    expect(en("list.steps", { steps: 7, tasks: 2, quizzes: 1 })).toBe("7 steps: 2 tasks, 1 quiz");
    const fr = translator("fr");
    expect(fr("list.steps", { steps: 1, tasks: 0, quizzes: 2 })).toBe("1 étape : 0 exercice, 2 quiz");
    expect(fr("list.steps", { steps: 3, tasks: 2, quizzes: 1 })).toBe("3 étapes : 2 exercices, 1 quiz");
  });
});
