/** `exec:` checks: a command inside a running container, with a timeout; exit code and output. */

import { z } from "zod";
import { collect, demultiplex } from "../../engine/streams.js";
import type { Translate } from "../../i18n/index.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { containerName, findContainers } from "../containers.js";
import { fail, mismatch, pass, said } from "../diagnosis.js";
import { quoted } from "../phrases.js";
import type { Outcome } from "../result.js";
import {
  containerRef,
  containerRefHint,
  containerRefReference,
  containerRefWords,
  refText,
  text,
} from "../schema-parts.js";
import { matchText } from "../text-match.js";

export const execCheck = z.strictObject({
  exec: containerRef,
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  exitCode: z.number().int().optional(),
  contains: text.optional(),
});

export type ExecCheck = CheckOf<"exec", typeof execCheck>;

export interface ExecRun {
  exitCode: number;
  output: string;
  timedOut: boolean;
}

async function evaluateExec(check: ExecCheck, ctx: CheckContext): Promise<Outcome> {
  const { t } = ctx;
  const found = await findContainers(check.exec, ctx);
  if ("missing" in found) return found.missing;
  const cmd = typeof check.command === "string" ? ["sh", "-c", check.command] : check.command;
  const command = typeof check.command === "string" ? check.command : check.command.join(" ");
  const wantedCode = check.exitCode ?? 0;
  for (const info of found.containers) {
    const name = containerName(info);
    const subject = t("diag.exec.subject", { command, container: name });
    // A container that was there before the lesson is the learner's own: nothing runs inside it.
    if (!ctx.madeByLesson(info.Created)) return fail(t("diag.exec.notMine", { name }));
    if (!info.State.Running)
      return mismatch(
        t,
        said(
          t("check.container.subject", { name }),
          t("check.container.state", { state: info.State.Status }),
        ),
        t("diag.exec.runningToRun"),
      );
    const run = await execIn(ctx, info.Id, cmd);
    if (run.timedOut)
      return mismatch(
        t,
        said(subject, t("diag.exec.timeout", { seconds: ctx.timeouts.execMs / 1000 })),
        t("diag.exitCode", { code: wantedCode }),
      );
    if (run.exitCode !== wantedCode) {
      const tail = run.output.trim().split("\n").at(-1)?.trim();
      const shown = tail ? ` (${JSON.stringify(tail.length > 80 ? `…${tail.slice(-79)}` : tail)})` : "";
      return mismatch(
        t,
        said(subject, t("diag.exec.exited", { code: `${run.exitCode}${shown}` })),
        `${wantedCode}`,
      );
    }
    if (check.contains !== undefined) {
      const output = t("diag.exec.output", { command, container: name });
      const outcome = matchText(t, output, run.output, { contains: check.contains }, false);
      if (!outcome.passed) return outcome;
    }
  }
  return pass();
}

// Of a command's output, the first 4 MiB are kept; the rest is read and dropped, so a command that floods
// its output still ends normally (within the exec timeout) and memory stays bounded.
const maxExecOutput = 4 * 1024 * 1024;

/** Runs a command in a container and waits for it, within the exec timeout. */
export async function execIn(ctx: CheckContext, id: string, cmd: string[]): Promise<ExecRun> {
  const exec = await ctx.docker
    .getContainer(id)
    .exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: false });
  // Before it starts: a `happened:` check reading the engine's events must know this exec is the tutor's.
  ctx.ownExecs.note(exec.id);
  const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & {
    destroy?: () => void;
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ctx.timeouts.execMs);
  });
  const result = await Promise.race([collect(stream, maxExecOutput), timeout]).finally(() =>
    clearTimeout(timer),
  );
  if (result === "timeout") {
    stream.destroy?.();
    return { exitCode: -1, output: "", timedOut: true };
  }
  const { stdout, stderr } = demultiplex(result);
  // The stream ends when the process does; its exit code may take a moment to be recorded.
  for (let attempt = 0; attempt < 40; attempt++) {
    const state = await exec.inspect();
    if (!state.Running && state.ExitCode !== null)
      return { exitCode: state.ExitCode, output: stdout + stderr, timedOut: false };
    await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 100)));
  }
  return { exitCode: -1, output: stdout + stderr, timedOut: true };
}

function describeExec(check: ExecCheck, t: Translate): string {
  const command = typeof check.command === "string" ? check.command : check.command.join(" ");
  const container = containerRefWords(check.exec, t);
  const run = t("check.exec.run", { command, container, code: check.exitCode ?? 0 });
  return check.contains === undefined
    ? run
    : `${run} ${t("check.exec.output", { text: quoted(check.contains, t) })}`;
}

export const execKind = defineCheckKind<"exec", ExecCheck>({
  key: "exec",
  schema: execCheck,
  unionHints: { exec: containerRefHint, command: "a shell command string, or a list of arguments" },
  label: (check) => `exec in ${refText(check.exec)}`,
  describe: describeExec,
  references: (check) => [containerRefReference(check.exec)],
  evaluate: evaluateExec,
});
