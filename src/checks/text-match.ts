/**
 * `contains` and `matches` against a text: logs, command output, file content. Patterns run on RE2
 * (re2js), whose time grows linearly with the text, so no pattern can stall a check; lint compiles
 * them with the same engine.
 */
import { RE2JS } from "re2js";
import type { Translate } from "../i18n/index.js";
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

/**
 * `contains` and `matches` against a text, for logs and command output alike. `subject` names the text
 * (`logs of container tutor-web`); `plural` when it is a plural noun, for the verbs that agree with it.
 */
export function matchText(
  t: Translate,
  subject: string,
  text: string,
  want: { contains?: string; matches?: string },
  plural = true,
): Outcome {
  const lastLine = text.trimEnd().split("\n").at(-1)?.trim() ?? "";
  const found =
    text.trim() === ""
      ? t(plural ? "diag.text.emptyMany" : "diag.text.emptyOne", { subject })
      : t(plural ? "diag.text.endMany" : "diag.text.endOne", { subject, line: quote(lastLine, t) });
  if (want.contains !== undefined && !text.includes(want.contains)) {
    const wanted = quote(want.contains, t);
    return mismatch(t, found, t(plural ? "diag.text.containMany" : "diag.text.containOne", { text: wanted }));
  }
  if (want.matches !== undefined) {
    const compiled = compilePattern(want.matches);
    if (!compiled.ok) return fail(t("diag.text.badPattern", { pattern: quote(want.matches, t) }));
    // RE2 ends lines at \n only; JavaScript patterns, which lessons were written for, at \r\n too.
    if (!compiled.regex.test(text.replace(/\r\n?/g, "\n"))) {
      const pattern = `/${want.matches}/`;
      return mismatch(t, found, t(plural ? "diag.text.matchMany" : "diag.text.matchOne", { pattern }));
    }
  }
  return pass();
}
