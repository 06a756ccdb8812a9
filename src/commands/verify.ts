/** `docker-tutor verify [PACK...] [--lesson ID] [--junit FILE] [--json]`: packs prove themselves (see verify/). */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { connectEngine } from "../engine/connect.js";
import { detectCompose } from "../engine/tools.js";
import { ExitCode, TutorError } from "../errors.js";
import { builtInPackDir, loadPacks } from "../lessons/pack-sources.js";
import { formatProblem } from "../lessons/problem.js";
import { junitXml } from "../render/junit.js";
import { displayPath } from "../render/paths.js";
import { palette } from "../render/style.js";
import { verifyLogRenderer } from "../render/verify-log.js";
import { type LessonReport, stepFailed, verifyLesson } from "../verify/verify.js";

export interface VerifyCommandOptions {
  lesson?: string[];
  junit?: string;
  json?: boolean;
  workdir?: string;
  solutionTimeout?: string;
  checkWait?: string;
}

export async function runVerify(
  ctx: CommandContext,
  dirs: string[],
  options: VerifyCommandOptions,
): Promise<void> {
  // Solutions run only for the packs named here (or the built-in one): never for packs merely loaded.
  const targets = dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : [builtInPackDir];
  const { packs, results } = await loadPacks(targets);
  for (const { dir, loaded } of results) {
    if (!loaded.pack) {
      throw new TutorError(
        `cannot load the pack at ${displayPath(dir)}: ${loaded.problems[0] ? formatProblem(loaded.problems[0]) : "unknown"}`,
        "run `docker-tutor lint` on it",
        2,
      );
    }
    const errors = loaded.problems.filter((p) => p.severity === "error");
    if (errors.length > 0)
      ctx.output.err(
        ctx.t("list.packProblems", { pack: loaded.pack.id, count: errors.length, dir: displayPath(dir) }),
      );
  }
  const wanted = options.lesson ?? [];
  const selected = packs.flatMap((pack) =>
    pack.lessons
      .filter((l) => wanted.length === 0 || wanted.includes(l.id))
      .map((lesson) => ({ pack, lesson })),
  );
  const unknown = wanted.filter((id) => !selected.some((s) => s.lesson.id === id));
  if (unknown.length > 0)
    throw new TutorError(
      `no lesson ${unknown.join(", ")} in the packs given`,
      "check the ids with `docker-tutor list`",
      2,
    );

  const timeoutSeconds = seconds("--solution-timeout", options.solutionTimeout ?? "300");
  const waitSeconds = seconds("--check-wait", options.checkWait ?? "30");

  const [engine, composeCommand] = await Promise.all([connectEngine(ctx.env), detectCompose(ctx.env)]);
  const temporary = options.workdir
    ? undefined
    : await mkdtemp(path.join(os.tmpdir(), "docker-tutor-verify-"));
  const c = palette(ctx.color);
  const tty = !options.json && process.stdout.isTTY === true;
  let liveShown = false;
  const render = verifyLogRenderer(
    {
      line: (text) => {
        if (options.json) return;
        if (liveShown) process.stdout.write("\r\x1b[K");
        liveShown = false;
        ctx.output.out(text);
      },
      live: tty
        ? (text) => {
            process.stdout.write(`\r\x1b[K${text.slice(0, (process.stdout.columns ?? 80) - 1)}`);
            liveShown = true;
          }
        : undefined,
    },
    c,
  );

  const reports: LessonReport[] = [];
  try {
    for (const { pack, lesson } of selected) {
      reports.push(
        await verifyLesson(pack, lesson, {
          docker: engine.docker,
          engineHost: engine.target.host,
          workdirBase: options.workdir ? path.resolve(options.workdir) : (temporary as string),
          composeCommand,
          solutionTimeoutMs: timeoutSeconds * 1000,
          positiveWaitMs: waitSeconds * 1000,
          engineWaitMs: 120_000,
          emit: render,
        }),
      );
    }
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }

  const allSteps = reports.flatMap((r) => r.steps);
  const failures = allSteps.filter(stepFailed).length + reports.filter((r) => r.leftovers.length > 0).length;
  const engineErrors = allSteps.filter((s) => s.engineError).length;
  const ok = failures === 0 && engineErrors === 0 && reports.every((r) => r.ok);
  if (options.junit) await writeFile(options.junit, junitXml(reports));
  if (options.json) {
    const lessons = reports.map((r) => ({
      id: r.id,
      pack: r.pack,
      ok: r.ok,
      leftovers: r.leftovers,
      steps: r.steps.map((s) => ({
        id: s.id,
        kind: s.kind,
        negative: s.negative,
        solution: s.solution,
        positive: s.positive,
        ms: s.ms,
        ...(s.failure ? { failure: s.failure } : {}),
        ...(s.engineError ? { engineError: true } : {}),
      })),
    }));
    ctx.output.out(JSON.stringify({ ok, lessons }, null, 2));
  } else {
    const outage = engineErrors > 0 ? `, ${engineErrors} engine error(s)` : "";
    const line = `verify: ${reports.length} lesson(s), ${allSteps.length} step(s), ${failures} failure(s)${outage}`;
    ctx.output.out(ok ? c.green(line) : c.red(line));
  }
  // A lesson failure is the pack's fault (1); an engine that went away is not (2, like any engine error).
  if (failures > 0) throw new ExitCode(1);
  if (!ok) throw new ExitCode(engineErrors > 0 ? 2 : 1);
}

function seconds(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new TutorError(`${flag} takes a number of seconds`, `e.g. ${flag} 60`, 2);
  return number;
}
