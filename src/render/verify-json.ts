/** verify's report as the JSON shape scripts read. */
import type { VerifySummary } from "../run/verify/verdict.js";
import type { LessonReport } from "../run/verify/verify.js";

export function verifyJson(summary: VerifySummary, reports: LessonReport[]): string {
  const lessons = reports.map((r) => ({
    id: r.id,
    pack: r.pack,
    ok: r.ok,
    leftovers: r.leftovers,
    ...(r.refused !== undefined ? { refused: r.refused } : {}),
    steps: r.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      negative: s.negative,
      solution: s.solution,
      positive: s.positive,
      ms: s.ms,
      ...(s.failure ? { failure: s.failure } : {}),
      ...(s.engineError ? { engineError: true } : {}),
      ...(s.skipped !== undefined ? { skipped: s.skipped } : {}),
    })),
  }));
  return JSON.stringify({ ok: summary.ok, lessons }, null, 2);
}
