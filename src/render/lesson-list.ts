/** `list`: a table of lessons per pack on a terminal, or the JSON shape scripts read. */
import type { ChalkInstance } from "chalk";
import type { Translate } from "../i18n/index.js";
import type { LessonList } from "../run/list.js";
import { neutralize } from "../text/neutralize.js";

export function lessonListJson(list: LessonList): string {
  const lessons = list.rows.map((r) => ({
    id: r.id,
    pack: r.pack.id,
    title: r.title,
    languages: r.languages,
    steps: r.steps,
    tasks: r.tasks,
    quizzes: r.quizzes,
    status: r.status,
  }));
  return JSON.stringify({ lessons }, null, 2);
}

export function lessonListLines(
  list: LessonList,
  t: Translate,
  c: ChalkInstance,
  language: string,
): string[] {
  if (list.rows.length === 0) return [t("list.empty")];
  const lines: string[] = [];
  const width = Math.max(...list.rows.map((r) => r.id.length));
  const statusColor = { new: c.dim, "in-progress": c.yellow, done: c.green } as const;
  let lastPack = "";
  for (const r of list.rows) {
    if (r.pack.id !== lastPack && list.packs.length > 1)
      lines.push(c.bold(neutralize(r.pack.title[language] ?? r.pack.id)));
    lastPack = r.pack.id;
    const where =
      r.status === "in-progress"
        ? t("list.stepOf", { current: r.stepIndex + 1, total: r.steps })
        : t(`status.${r.status}`);
    const detail = t("list.steps", { steps: r.steps, tasks: r.tasks, quizzes: r.quizzes });
    lines.push(
      `  ${c.cyan(r.id.padEnd(width))}  ${neutralize(r.title)}  ${c.dim(`(${detail})`)}  ${statusColor[r.status](where)}`,
    );
  }
  return lines;
}
