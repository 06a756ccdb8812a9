/**
 * Runs a step's reference solution the one way both verify and the tutor run it: bash -e, in the
 * lesson's working folder. verify captures the output under a timeout; the tutor hands over the terminal.
 */
import { spawn } from "node:child_process";
import { runInTerminal } from "./shell.js";

/** bash, whatever the learner's own shell: a solution proven by verify runs the same for the learner. */
function solutionCommand(script: string): [string, string[]] {
  // -e: a solution stops at its first failing command, as a careful learner would.
  return ["bash", ["-e", "-c", script]];
}

/** The tutor's `solution`: the learner watches it run in their terminal; its exit code. */
export function runSolutionInTerminal(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const [program, args] = solutionCommand(script);
  return runInTerminal(program, args, cwd, env);
}

export interface SolutionRun {
  exitCode: number | null;
  /** stdout and stderr interleaved, the last 64 KiB. */
  output: string;
  timedOut: boolean;
  ms: number;
  /** Killed because the run it belonged to was cancelled. */
  cancelled?: boolean;
}

const keepBytes = 64 * 1024;

export function runSolution(
  script: string,
  options: { cwd: string; timeoutMs: number; env: Record<string, string>; signal?: AbortSignal },
): Promise<SolutionRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const [program, args] = solutionCommand(script);
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-keepBytes);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    let cancelled = false;
    // The whole process group: a solution's own children (docker run, sleep) go too.
    const killGroup = () => {
      if (child.pid && child.exitCode === null && child.signalCode === null)
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const cancel = () => {
      cancelled = true;
      killGroup();
    };
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener("abort", cancel, { once: true });
    child.on("error", (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", cancel);
      resolve({
        exitCode: 127,
        output: `cannot run bash: ${error.message}`,
        timedOut: false,
        ms: Date.now() - started,
      });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", cancel);
      const exitCode = timedOut || cancelled ? null : code;
      resolve({ exitCode, output, timedOut, ms: Date.now() - started, ...(cancelled ? { cancelled } : {}) });
    });
  });
}
