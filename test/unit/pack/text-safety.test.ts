import { describe, expect, it } from "vitest";
import { findUnsafeCharacter } from "../../../src/pack/text-safety.js";
import { lessonText, lintFiles } from "../../support/lint-pack.js";

const lesson = (title: string, summary = "For a test.", stepTitle = "Read") =>
  [
    "---",
    "id: lesson",
    `title: ${title}`,
    `summary: ${summary}`,
    "level: beginner",
    "minutes: 5",
    "---",
    "",
    `## ${stepTitle} {#read}`,
    "",
    "Some prose.",
    "",
  ].join("\n");

describe("control characters and bidi controls", () => {
  it("are found: C0 but tab, DEL, C1, NUL, bidi overrides and isolates", () => {
    for (const c of [
      "\x00",
      "\x07",
      "\x1b",
      "\r",
      "\n",
      "\x7f",
      "\x85",
      "\x9b",
      "\u202a",
      "\u202e",
      "\u2066",
      "\u2069",
    ]) {
      expect(findUnsafeCharacter(`a${c}b`)?.index).toBe(1);
    }
    expect(findUnsafeCharacter("a\tb — é ✓ 日本")).toBeUndefined();
    expect(findUnsafeCharacter("two\nlines", { newlines: true })).toBeUndefined();
    expect(findUnsafeCharacter("\u202e")).toEqual({ index: 0, code: "U+202E", bidi: true });
  });

  it("in a lesson's title, summary and step titles are errors where they sit", async () => {
    const text = lesson("Evil\x1b]0;pwned\x07 title", '"Line one\\x85"', "Read \u202Eemordnilap");
    expect(await lintFiles({ "lesson.md": text })).toEqual([
      "lesson.md:3:8: title holds the control character U+001B: remove it",
      "lesson.md:4:10: summary holds the control character U+0085: remove it",
      "lesson.md:9:9: step title holds the bidi control U+202E, which makes text read differently from what it is: remove it",
    ]);
  });

  it("in a translation and in pack.yaml's titles are errors too", async () => {
    const pack = [
      "id: test-pack",
      "title:",
      "  en: Fine",
      '  fr: "Pas\\0 bien"',
      "version: 1.0.0",
      "lessons:",
      "  - lesson.md",
    ];
    const translation = [
      "---",
      "id: lesson",
      "title: Une\u2066 leçon",
      "summary: Pour un test.",
      "---",
      "",
      "## Lire\x7f {#read}",
      "",
    ];
    expect(
      await lintFiles({
        "pack.yaml": pack.join("\n"),
        "lesson.md": lesson("A lesson"),
        "lesson.fr.md": translation.join("\n"),
      }),
    ).toEqual([
      "lesson.fr.md:3:8: title holds the bidi control U+2066, which makes text read differently from what it is: remove it",
      "lesson.fr.md:7:8: step title holds the control character U+007F: remove it",
      "pack.yaml:4:7: title holds the control character U+0000: remove it",
    ]);
  });

  it("are refused in ids by the id format itself", async () => {
    const text = lessonText([], "## Read {#re\u202Ead}\n\nSome prose.\n").replace(
      "id: lesson",
      'id: "les\\0son"',
    );
    const problems = await lintFiles({ "lesson.md": text });
    expect(problems).toContain(
      'lesson.md:2:5: field "id": expected lowercase letters, digits and dashes, e.g. first-container',
    );
    expect(problems.some((p) => p.startsWith("lesson.md:9:9: step id"))).toBe(true);
  });

  it("leave a summary's newlines and a title's tabs alone", async () => {
    expect(await lintFiles({ "lesson.md": lesson("A\ttab", "|\n  Two\n  lines.") })).toEqual([]);
  });
});
