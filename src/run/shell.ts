/** Commands run with the terminal handed over (`docker run -it`, editors): the learner's own, and solutions. */
import { spawn } from "node:child_process";

/** The learner's line, through their own shell. */
export function runInShell(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const shell = process.platform === "win32" ? (env.COMSPEC ?? "cmd.exe") : env.SHELL || "/bin/sh";
  const args = process.platform === "win32" ? ["/d", "/s", "/c", line] : ["-c", line];
  return runInTerminal(shell, args, cwd, env);
}

export function runInTerminal(
  program: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  return new Promise((resolve) => {
    // Ctrl+C belongs to the command while it runs: the tutor ignores it until the command ends.
    const ignore = () => {};
    process.on("SIGINT", ignore);
    const child = spawn(program, args, { cwd, env, stdio: "inherit" });
    const done = (code: number) => {
      process.off("SIGINT", ignore);
      resolve(code);
    };
    child.on("error", () => done(127));
    child.on("close", (code, signal) => done(code ?? (signal ? 128 + 2 : 1)));
  });
}
