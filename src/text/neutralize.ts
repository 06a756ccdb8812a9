/** Text from outside (packs, engines, containers) made safe to print: control characters shown, not obeyed. */

/** Control characters a pack could smuggle into its prose (escape sequences, bells), all but newline and tab. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const controls = /[\u0000-\u0008\u000B-\u001F\u007F\u0080-\u009F]/g;

export function neutralize(text: string): string {
  return text.replace(controls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
