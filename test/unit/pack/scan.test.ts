import { describe, expect, it } from "vitest";
import { scanLesson } from "../../../src/pack/scan.js";

const lesson = `---
id: demo
---

Intro line.

## First {#first}

Prose of the first step.

\`\`\`sh
## not a heading, inside a shell block
docker ps
\`\`\`

\`\`\`check
- container: tutor-x
\`\`\`

## Second {#second}

\`\`\`\`hint
A hint holding a fence:
\`\`\`
docker ps
\`\`\`
\`\`\`\`
`;

describe("scanning a lesson's markdown", () => {
  const scanned = scanLesson(lesson);

  it("separates front matter, intro and steps with their lines", () => {
    expect(scanned.frontMatter).toEqual({ text: "id: demo", contentLine: 2 });
    expect(scanned.intro).toBe("Intro line.");
    expect(scanned.steps.map((s) => [s.id, s.title, s.line])).toEqual([
      ["first", "First", 7],
      ["second", "Second", 20],
    ]);
    expect(scanned.problems).toEqual([]);
  });

  it("keeps ordinary code blocks in the prose and ignores headings inside them", () => {
    const first = scanned.steps[0];
    expect(first?.prose).toContain("## not a heading, inside a shell block");
    expect(first?.parts).toEqual([
      { kind: "check", content: "- container: tutor-x", line: 16, contentLine: 17 },
    ]);
  });

  it("lets a longer fence hold a shorter one", () => {
    expect(scanned.steps[1]?.parts[0]?.content).toBe("A hint holding a fence:\n```\ndocker ps\n```");
  });

  it("reports headings without ids, unclosed fences and missing front matter", () => {
    const bad = scanLesson("## No id here\n\n```check\n- container: x\n");
    expect(bad.problems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`)).toEqual([
      "1:1 a lesson starts with YAML front matter between --- lines (id, title, summary, ...)",
      '1:1 step heading "No id here" has no id: end it with {#some-id}',
      "3:1 code block opened with ``` is never closed",
    ]);
  });

  it("reads CRLF files and a byte order mark", () => {
    const crlf = scanLesson("\uFEFF---\r\nid: x\r\n---\r\n## A {#a}\r\ntext\r\n");
    expect(crlf.frontMatter?.text).toBe("id: x");
    expect(crlf.steps[0]?.prose).toBe("text");
  });
});
