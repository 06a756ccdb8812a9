import { describe, expect, it } from "vitest";
import { addLessonEntry, lessonSchemaFromManifest } from "../../../../src/run/scaffold/manifest.js";

const head = "id: p\ntitle:\n  en: P\nversion: 1.0.0\n";

describe("adding a lesson to pack.yaml's lessons", () => {
  it("adds one line after the last entry, like it, and changes nothing else", () => {
    const cases: [string, string][] = [
      // An indented list, a comment on the last entry, comments and blank lines after it.
      [
        `${head}lessons:   # in order\n  - a.md\n  - "b.md"   # quoted\n\n# later: c.md\n`,
        `${head}lessons:   # in order\n  - a.md\n  - "b.md"   # quoted\n  - new.md\n\n# later: c.md\n`,
      ],
      // A list at the key's indent, then another key.
      [`${head}lessons:\n- a.md\nlanguage: en\n`, `${head}lessons:\n- a.md\n- new.md\nlanguage: en\n`],
      // No newline at the end of the file.
      [`${head}lessons:\n  - a.md`, `${head}lessons:\n  - a.md\n  - new.md`],
      // Windows line endings.
      [
        `${head}lessons:\r\n  - a.md\r\nlanguage: en\r\n`.replaceAll(/(?<!\r)\n/g, "\r\n"),
        `${head}lessons:\r\n  - a.md\r\n  - new.md\r\nlanguage: en\r\n`.replaceAll(/(?<!\r)\n/g, "\r\n"),
      ],
      // A flow list, and an empty one.
      [`${head}lessons: [a.md, b.md] # two\n`, `${head}lessons: [a.md, b.md, new.md] # two\n`],
      [`${head}lessons: []\n`, `${head}lessons: [new.md]\n`],
    ];
    for (const [before, after] of cases) expect(addLessonEntry(before, "new.md")).toBe(after);
  });

  it("declines a file it cannot edit so", () => {
    for (const text of [
      `${head}lessons: a.md\n`,
      `${head}lessons:\n  - {file: a.md}\n`,
      `${head}`,
      "lessons: [a.md\n",
      `list: &l [a.md]\n${head}lessons: *l\n`,
    ])
      expect(addLessonEntry(text, "new.md"), text).toBeUndefined();
  });
});

describe("the lesson's schema", () => {
  it("sits beside the pack schema pack.yaml names", () => {
    const find = (text: string) =>
      lessonSchemaFromManifest(text, "pack.schema.json", "lesson-front-matter.schema.json");
    expect(find("# yaml-language-server: $schema=../schemas/pack.schema.json\nid: p\n")).toBe(
      "../schemas/lesson-front-matter.schema.json",
    );
    expect(find("id: p\n# yaml-language-server: $schema=https://example.org/s/pack.schema.json\n")).toBe(
      "https://example.org/s/lesson-front-matter.schema.json",
    );
    expect(find("# yaml-language-server: $schema=./other.json\n")).toBeUndefined();
    expect(find("id: p\n")).toBeUndefined();
  });
});
