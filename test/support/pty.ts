/** The built CLI in a pseudo-terminal, read as a person reads the screen (colour and cursor codes stripped). */
import { stripVTControlCharacters } from "node:util";
import * as pty from "node-pty";
import { cliPath } from "./paths.js";

export class TerminalSession {
  /** Everything the program wrote, escape sequences included. */
  raw = "";
  /** Offset in `text` after the last match. */
  private mark = 0;
  private exited: Promise<number>;
  readonly process: pty.IPty;

  constructor(
    args: string[],
    options: {
      env: NodeJS.ProcessEnv;
      cwd: string;
      cols?: number;
      rows?: number;
      cli?: string;
      command?: string[];
    },
  ) {
    // `command` runs something else than the built CLI (e.g. `docker run -it ... start`).
    const [file, ...rest] = options.command ?? [process.execPath, options.cli ?? cliPath, ...args];
    this.process = pty.spawn(file as string, rest, {
      name: "xterm-256color",
      cols: options.cols ?? 110,
      rows: options.rows ?? 40,
      cwd: options.cwd,
      // An undefined value removes the variable (node-pty would pass the string "undefined").
      env: Object.fromEntries(
        Object.entries({ ...process.env, NO_COLOR: "1", ...options.env }).filter(([, v]) => v !== undefined),
      ) as Record<string, string>,
    });
    this.process.onData((data) => {
      this.raw += data;
    });
    this.exited = new Promise((resolve) => this.process.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything shown so far, as text. */
  get text(): string {
    return stripVTControlCharacters(this.raw).replace(/\r/g, "");
  }

  /** Text shown since the last `waitFor` matched. */
  get recent(): string {
    return this.text.slice(this.mark);
  }

  /**
   * Waits until `pattern` appears after the previous match; the next wait looks after this one.
   * Checked on every chunk of output, so the promise settles the moment the text arrives.
   */
  waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const text = this.text.slice(this.mark);
        const at = typeof pattern === "string" ? text.indexOf(pattern) : text.search(pattern);
        if (at < 0) return false;
        const length =
          typeof pattern === "string" ? pattern.length : (text.slice(at).match(pattern)?.[0].length ?? 0);
        this.mark += at + length;
        resolve(text.slice(0, at + length));
        return true;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        listener.dispose();
        const text = this.text.slice(this.mark);
        reject(
          new Error(
            `timed out waiting for ${pattern}; the screen since the last match:\n${text.slice(-3000)}`,
          ),
        );
      }, timeoutMs);
      const listener = this.process.onData(() => {
        if (check()) {
          clearTimeout(timer);
          listener.dispose();
        }
      });
    });
  }

  write(keys: string): void {
    this.process.write(keys);
  }

  /** Types a line and presses Enter. */
  line(text: string): void {
    this.process.write(`${text}\r`);
  }

  exit(timeoutMs = 10_000): Promise<number> {
    return Promise.race([
      this.exited,
      new Promise<number>((_, reject) =>
        setTimeout(
          () => reject(new Error(`the tutor did not exit; the screen ends with:\n${this.text.slice(-1500)}`)),
          timeoutMs,
        ),
      ),
    ]);
  }

  kill(): void {
    try {
      this.process.kill();
    } catch {
      // already gone
    }
  }
}

export const keys = { enter: "\r", down: "\u001b[B", up: "\u001b[A", space: " ", ctrlC: "\u0003" };
