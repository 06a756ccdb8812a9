/** What a pack from someone else claims, in a few lines the learner reads before saying yes. */
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import type { PackClaims } from "../run/trust.js";
import { oneLine } from "../text/neutralize.js";
import { displayPath } from "./paths.js";

const shown = 6;

function some(items: string[]): string {
  const named = items.slice(0, shown).map(oneLine).join(", ");
  return items.length > shown ? `${named} and ${items.length - shown} more` : named;
}

export function packClaimsLines(claims: PackClaims, t: Translate, c: ChalkInstance): string[] {
  const lines = [
    c.bold(
      t("trust.heading", {
        id: oneLine(claims.id),
        version: oneLine(claims.version),
        dir: displayPath(claims.dir),
      }),
    ),
  ];
  const owned = Object.entries(claims.owns).filter(([, names]) => names.length > 0);
  if (owned.length > 0) {
    lines.push(`  ${t("trust.owns")}`);
    for (const [kind, names] of owned) lines.push(`    ${kind}: ${c.cyan(some(names))}`);
  }
  if (claims.images.length > 0) lines.push(`  ${t("trust.images", { images: some(claims.images) })}`);
  for (const exec of claims.execs.slice(0, shown))
    lines.push(
      `  ${t("trust.exec", { container: oneLine(exec.container), command: c.yellow(oneLine(exec.command)) })}`,
    );
  if (claims.execs.length > shown)
    lines.push(`  ${t("trust.moreExecs", { count: claims.execs.length - shown })}`);
  lines.push(`  ${t("trust.solutions", { count: claims.solutions })}`);
  return lines;
}
