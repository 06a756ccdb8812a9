/** `contains` and `matches` against a text: logs, command output, file content. */
import { fail, mismatch, pass, quote } from "./diagnosis.js";
import type { Outcome } from "./result.js";

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
    let regex: RegExp;
    try {
      regex = new RegExp(want.matches, "m");
    } catch {
      return fail(`the pattern ${quote(want.matches)} is not a valid regular expression`);
    }
    if (!regex.test(text)) return mismatch(subject, actual, `${them} to match /${want.matches}/`);
  }
  const said =
    want.contains !== undefined ? `${contain} ${quote(want.contains)}` : `${match} /${want.matches}/`;
  return pass(`${subject} ${said}`);
}
