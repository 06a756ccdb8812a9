/** Lesson prose for the terminal: marked + marked-terminal, loaded only when a lesson is shown. */
import { stripVTControlCharacters } from "node:util";

type Render = (markdown: string) => string;
let cached: { width: number; color: boolean; render: Render } | undefined;

import { neutralize } from "../text/neutralize.js";
import { wrapProse } from "./wrap-prose.js";

/** What marked-terminal writes for a colon in inline code, until its own paragraph renderer undoes it. */
const colonPlaceholder = "*#COLON|*";

function unescapeEntities(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A private-use character that reflow does not break at: a space inside inline code while rendering. */
const unbreakableSpace = "\uE000";

export async function markdownRenderer(width: number, color: boolean): Promise<Render> {
  if (cached && cached.width === width && cached.color === color) return cached.render;
  const [{ Marked }, { markedTerminal }] = await Promise.all([import("marked"), import("marked-terminal")]);
  const lineWidth = Math.max(40, Math.min(width, 100));
  const marked = new Marked(
    markedTerminal({
      width: lineWidth,
      reflowText: true,
      tab: 2,
      emoji: false,
    }) as never,
    {
      // A command in backticks is copied whole: its spaces hold while prose is wrapped (wrap-prose.ts), so
      // lines break around it and never inside it; one longer than the line is left to the terminal.
      walkTokens(token) {
        if (token.type === "codespan") token.text = token.text.replace(/ /g, unbreakableSpace);
      },
      renderer: {
        paragraph(token) {
          const inline = unescapeEntities(this.parser.parseInline(token.tokens));
          return `${wrapProse(inline.replaceAll(colonPlaceholder, ":"), lineWidth)}\n\n`;
        },
        // marked-terminal leaves inline markdown raw inside list items with marked 13+
        // (mikaelbr/marked-terminal#304): render those text tokens' inline children.
        text(token) {
          if (typeof token === "object" && "tokens" in token && token.tokens)
            return this.parser.parseInline(token.tokens);
          return false;
        },
      },
    },
  );
  const render: Render = (markdown) => {
    const out = String(marked.parse(neutralize(markdown).replaceAll(unbreakableSpace, " ")))
      .replaceAll(unbreakableSpace, " ")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd();
    return color ? out : stripVTControlCharacters(out);
  };
  cached = { width, color, render };
  return render;
}
