/**
 * Adding a lesson to an existing pack.yaml. The yaml Document API finds the `lessons` list and its last
 * entry; the new entry goes in as one line of text beside them, so every other byte of the file (comments,
 * their alignment, quoting, blank lines, line endings) stays as the author wrote it. Re-stringifying the
 * document would keep the comments but move some of them and re-indent lists.
 */
import { isScalar, isSeq, parseDocument } from "yaml";
import { modelinePattern } from "./templates.js";

/** pack.yaml's text with `file` added at the end of `lessons`, or undefined when the list is not one it can edit. */
export function addLessonEntry(text: string, file: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const lessons = doc.get("lessons", true);
  if (!isSeq(lessons) || !lessons.range) return undefined;
  const last = lessons.items.at(-1);
  let edited: string | undefined;
  if (lessons.flow) {
    // `lessons: [a.md, b.md]`: after the last entry, or inside the brackets of an empty list.
    if (last === undefined) {
      const close = lessons.range[1] - 1;
      if (text[close] !== "]") return undefined;
      edited = `${text.slice(0, close)}${file}${text.slice(close)}`;
    } else if (isScalar(last) && last.range) {
      edited = `${text.slice(0, last.range[1])}, ${file}${text.slice(last.range[1])}`;
    }
  } else if (isScalar(last) && last.range) {
    // A block list: a line like the last entry's (its indent and dash), right after that entry's line.
    const lineStart = text.lastIndexOf("\n", last.range[0] - 1) + 1;
    const prefix = text.slice(lineStart, last.range[0]);
    if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const lineEnd = text.indexOf("\n", last.range[1]);
    edited =
      lineEnd < 0
        ? `${text}${eol}${prefix}${file}`
        : `${text.slice(0, lineEnd + 1)}${prefix}${file}${eol}${text.slice(lineEnd + 1)}`;
  }
  return edited !== undefined && sameButAdded(text, edited, file) ? edited : undefined;
}

/** The edited file reads as the original with one more lesson at the end, and nothing else changed. */
function sameButAdded(original: string, edited: string, file: string): boolean {
  const before = parseDocument(original).toJS() as { lessons: unknown[] };
  const after = parseDocument(edited);
  if (after.errors.length > 0) return false;
  const expected = { ...before, lessons: [...before.lessons, file] };
  return JSON.stringify(after.toJS()) === JSON.stringify(expected);
}

/**
 * Where a new lesson's front matter finds its schema: beside the pack schema pack.yaml's modeline names
 * (a path relative to pack.yaml, which sits beside the lesson, or a URL); none without such a modeline.
 */
export function lessonSchemaFromManifest(
  text: string,
  packSchema: string,
  lessonSchema: string,
): string | undefined {
  const target = modelinePattern.exec(text)?.[1];
  if (!target?.endsWith(packSchema)) return undefined;
  return `${target.slice(0, -packSchema.length)}${lessonSchema}`;
}
