/** What `new pack` and `new lesson` made: the files, then what to run next. */
import path from "node:path";
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import type { ScaffoldReport } from "../run/scaffold/new.js";
import { neutralize } from "../text/neutralize.js";
import { displayPath } from "./paths.js";

export function scaffoldLines(report: ScaffoldReport, t: Translate, c: ChalkInstance): string[] {
  // The folder as the next commands take it: `.` when it is where the command ran.
  const dir = path.resolve(report.packDir) === process.cwd() ? "." : displayPath(report.packDir);
  const shown = (file: string) => c.cyan(neutralize(displayPath(file)));
  const heading =
    report.made === "pack"
      ? t("new.packMade", { id: report.packId, dir: neutralize(dir) })
      : t("new.lessonMade", { id: report.lessonId, pack: report.packId });
  const files = report.created.map((file) =>
    path.extname(file) === "" ? t("new.schemas", { path: shown(file) }) : shown(file),
  );
  if (report.updated)
    files.push(t("new.listsLesson", { path: shown(report.updated), file: `${report.lessonId}.md` }));
  return [heading, ...files.map((line) => `  ${line}`), t("new.next", { dir: neutralize(dir) })];
}
