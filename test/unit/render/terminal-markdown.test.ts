import { describe, expect, it } from "vitest";
import { markdownRenderer } from "../../../src/render/terminal-markdown.js";
import { neutralize } from "../../../src/text/neutralize.js";

describe("lesson prose in the terminal", () => {
  it("neutralises control sequences a pack or a container could smuggle in", () => {
    expect(neutralize("title\u001b]0;pwned\u0007 and \u001b[2J clear")).toBe(
      "title\\u001b]0;pwned\\u0007 and \\u001b[2J clear",
    );
    expect(neutralize("OSC 52: \u001b]52;c;ZXZpbA==\u0007")).toBe("OSC 52: \\u001b]52;c;ZXZpbA==\\u0007");
    expect(neutralize("tabs\tand\nnewlines stay")).toBe("tabs\tand\nnewlines stay");
  });

  it("renders markdown as plain text without colour, inline styles inside list items included", async () => {
    const render = await markdownRenderer(80, false);
    const out = render("A **bold** word.\n\n- the **client**, the `docker` command\n- a *registry*\n");
    expect(out).toBe("A bold word.\n\n  * the client, the docker command\n  * a registry");
  });

  it("keeps escape sequences in prose from reaching the terminal", async () => {
    const render = await markdownRenderer(80, true);
    expect(render("Look: \u001b]52;c;ZXZpbA==\u0007")).not.toContain("\u001b]52");
  });

  it("wraps prose at the width, but never inside a command, so a copied command is one line", async () => {
    const render = await markdownRenderer(60, false);
    const ticker =
      "docker run -d --name tutor-ticker busybox sh -c 'i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 1; done'";
    const out = render(
      `Start it in the background, then look at its output a few times:\n\`${ticker}\`\n\n\`\`\`sh\n${ticker}\n\`\`\`\n`,
    );
    expect(out.split("\n")).toEqual([
      "Start it in the background, then look at its output a few",
      "times:",
      ticker,
      "",
      `  ${ticker}`,
    ]);
  });

  it("keeps colons, entities and hard breaks of a paragraph as written", async () => {
    const render = await markdownRenderer(80, false);
    expect(render("Run `docker ps --format '{{.Names}}: <none> & more'`  \nthen this.")).toBe(
      "Run docker ps --format '{{.Names}}: <none> & more'\nthen this.",
    );
  });
});
