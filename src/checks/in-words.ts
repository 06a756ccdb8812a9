/** A check in words, for authors (`preview`): its kind's `describe`, else its label; `not:` says so. */
import type { Translate } from "../i18n/index.js";
import type { CheckKind } from "./check-kind.js";
import { kindOf } from "./kinds/index.js";
import type { Check } from "./vocabulary.js";

export function checkInWords(check: Check, t: Translate): string {
  if (check.kind === "not") return t("check.not", { check: checkInWords(check.not, t) });
  return kindInWords(kindOf(check), check, t);
}

/** A kind written before its words still shows something true: its label. */
export function kindInWords<K extends string, T extends { kind: K }>(
  kind: CheckKind<K, T>,
  check: T,
  t: Translate,
): string {
  return kind.describe ? kind.describe(check, t) : kind.label(check);
}
