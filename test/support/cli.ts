import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cliPath } from "./paths.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI as a learner would, with colour off unless asked. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  return runProgram(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
}

/** Runs a program to its end with exactly `env`, and times it. */
export function runProgram(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string | undefined },
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Output that betrays an unhandled exception. */
export const stackTrace = /\n\s+at .+:\d+:\d+\)?$|TypeError|ReferenceError|SyntaxError: /m;

/** The built CLI left running (a `--watch`), its output read as it comes, as a log reader would. */
export interface RunningCli {
  readonly stdout: string;
  readonly stderr: string;
  /** Waits for `pattern` in stdout after the previous match; the next wait looks after this one. */
  until(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Ctrl+C, as a terminal sends it; the exit code. */
  interrupt(): Promise<number | null>;
  /** Ends it at once, whatever it does (for `finally`). */
  kill(): void;
}

export function startCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): RunningCli {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let mark = 0;
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const find = (pattern: string | RegExp): { at: number; length: number } | undefined => {
    const rest = stdout.slice(mark);
    const found =
      typeof pattern === "string" ? { index: rest.indexOf(pattern), 0: pattern } : pattern.exec(rest);
    if (!found || found.index < 0) return undefined;
    return { at: mark + found.index, length: found[0].length };
  };
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async until(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (let hit = find(pattern); ; hit = find(pattern)) {
        if (hit) {
          mark = hit.at + hit.length;
          return;
        }
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${pattern}; stdout since the last match:\n${stdout.slice(mark)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    interrupt() {
      child.kill("SIGINT");
      return exited;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
