/**
 * Prose wrapped to the terminal's width at spaces only: a word longer than the line (a command in
 * backticks) stays whole on a line of its own and the terminal wraps it softly, so a copied command
 * is still one line. Colour codes do not count towards the width.
 */
import { stripVTControlCharacters } from "node:util";

/** `\r` marks a hard line break in the paragraph (marked-terminal's `br`). */
export function wrapProse(text: string, width: number): string {
  return text
    .split("\r")
    .map((section) => wrapSection(section, width))
    .join("\n");
}

function wrapSection(section: string, width: number): string {
  const words = section.split(/[ \t\n]+/).filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  let column = 0;
  for (const word of words) {
    const length = stripVTControlCharacters(word).length;
    if (column > 0 && column + 1 + length > width) {
      lines.push(line);
      line = "";
      column = 0;
    }
    line += column > 0 ? ` ${word}` : word;
    column += (column > 0 ? 1 : 0) + length;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}
