/** Runs a step's reference solution: bash, in the lesson's working folder, with a timeout. */
import { spawn } from "node:child_process";

export interface SolutionRun {
  exitCode: number | null;
  /** stdout and stderr interleaved, the last 64 KiB. */
  output: string;
  timedOut: boolean;
  ms: number;
}

const keepBytes = 64 * 1024;

export function runSolution(
  script: string,
  options: { cwd: string; timeoutMs: number; env: Record<string, string> },
): Promise<SolutionRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    // -e: a solution stops at its first failing command, as a careful learner would.
    const child = spawn("bash", ["-e", "-c", script], {
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
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: a solution's own children (docker run, sleep) go too.
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({
        exitCode: 127,
        output: `cannot run bash: ${error.message}`,
        timedOut: false,
        ms: Date.now() - started,
      });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: timedOut ? null : code, output, timedOut, ms: Date.now() - started });
    });
  });
}
