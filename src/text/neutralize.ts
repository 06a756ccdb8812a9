/**
 * Text from outside (packs, engines, containers) made safe to print in text mode: control characters
 * and bidirectional overrides are shown as `\uXXXX`, never obeyed, so no escape sequence (clipboard,
 * window title, screen clearing, links) and no reordering trick reaches the terminal.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const controls = /[\u0000-\u0008\u000B-\u001F\u007F\u0080-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function neutralize(text: string): string {
  return text.replace(controls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Neutralized, and on one line: for names and messages that must not break a line. */
export function oneLine(text: string): string {
  return neutralize(text.replace(/\r?\n/g, " "));
}
