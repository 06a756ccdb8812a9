/** What a reset will remove, as the lines `reset` shows before it asks. */
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import { neutralize } from "../text/neutralize.js";
import type { ResetPlan } from "../world/reset.js";
import { displayPath } from "./paths.js";

export function resetPlanLines(plan: ResetPlan, t: Translate, c: ChalkInstance): string[] {
  const lessons = plan.lessons.map((l) => l.id).join(", ");
  const kept = plan.kept.map((r) =>
    c.dim(`  ${t("reset.kept", { what: `${r.kind} ${neutralize(r.name)}` })}`),
  );
  if (plan.owned.length === 0 && plan.folders.length === 0) return [t("reset.nothing", { lessons }), ...kept];
  return [
    t("reset.removes", { lessons }),
    ...plan.owned.map((r) => `  ${r.kind} ${c.cyan(neutralize(r.name))}`),
    ...plan.folders.map((dir) => `  ${t("reset.folder")} ${c.cyan(displayPath(dir))}`),
    ...kept,
  ];
}
