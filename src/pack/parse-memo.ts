/**
 * Lesson files parsed once per content, for the loads of one pack while it is watched: a save reparses
 * the file it changed, not the whole pack. Parsing is pure (the text and the path make the result), so a
 * file whose text is unchanged gives what it gave before. Lint still runs afresh at every load.
 */
export class ParseMemo {
  private readonly parsed = new Map<string, { source: string; result: unknown }>();

  /** `parse()`'s result for this text of `file`, parsed now or at an earlier load. */
  get<T>(kind: "primary" | "translation", file: string, source: string, parse: () => T): T {
    const key = `${kind}\0${file}`;
    const kept = this.parsed.get(key);
    if (kept?.source === source) return kept.result as T;
    const result = parse();
    this.parsed.set(key, { source, result });
    return result;
  }
}
