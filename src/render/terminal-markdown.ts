/** Lesson prose for the terminal: marked + marked-terminal, loaded only when a lesson is shown. */
import { stripVTControlCharacters } from "node:util";

type Render = (markdown: string) => string;
let cached: { width: number; color: boolean; render: Render } | undefined;

import { neutralize } from "../text/neutralize.js";

export async function markdownRenderer(width: number, color: boolean): Promise<Render> {
  if (cached && cached.width === width && cached.color === color) return cached.render;
  const [{ Marked }, { markedTerminal }] = await Promise.all([import("marked"), import("marked-terminal")]);
  const marked = new Marked(
    markedTerminal({
      width: Math.max(40, Math.min(width, 100)),
      reflowText: true,
      tab: 2,
      emoji: false,
    }) as never,
    {
      renderer: {
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
    const out = String(marked.parse(neutralize(markdown)))
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd();
    return color ? out : stripVTControlCharacters(out);
  };
  cached = { width, color, render };
  return render;
}
