/**
 * `contains` and `matches` against a text: logs, command output, file content. Patterns run on RE2
 * (re2js), whose time grows linearly with the text, so no pattern can stall a check; lint compiles
 * them with the same engine.
 */
import { RE2JS } from "re2js";
import { fail, mismatch, pass, quote } from "./diagnosis.js";
import type { Outcome } from "./result.js";

/** A `matches:` pattern compiled (`^` and `$` match at line ends), or why it is not valid. */
export function compilePattern(pattern: string): { ok: true; regex: RE2JS } | { ok: false; reason: string } {
  try {
    return { ok: true, regex: RE2JS.compile(pattern, RE2JS.MULTILINE) };
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return { ok: false, reason };
  }
}

/** `contains` and `matches` against a text, for logs and command output alike. */
export function matchText(
  subject: string,
  text: string,
  want: { contains?: string; matches?: string },
  plural = true,
): Outcome {
  const [are, end, them, contain, match] = plural
    ? ["are", "end", "them", "contain", "match"]
    : ["is", "ends", "it", "contains", "matches"];
  const lastLine = text.trimEnd().split("\n").at(-1)?.trim() ?? "";
  const actual = text.trim() === "" ? `${are} empty` : `${end} with ${quote(lastLine)}`;
  if (want.contains !== undefined && !text.includes(want.contains)) {
    return mismatch(subject, actual, `${them} to contain ${quote(want.contains)}`);
  }
  if (want.matches !== undefined) {
    const compiled = compilePattern(want.matches);
    if (!compiled.ok) return fail(`the pattern ${quote(want.matches)} is not a valid regular expression`);
    // RE2 ends lines at \n only; JavaScript patterns, which lessons were written for, at \r\n too.
    if (!compiled.regex.test(text.replace(/\r\n?/g, "\n")))
      return mismatch(subject, actual, `${them} to match /${want.matches}/`);
  }
  const said =
    want.contains !== undefined ? `${contain} ${quote(want.contains)}` : `${match} /${want.matches}/`;
  return pass(`${subject} ${said}`);
}
