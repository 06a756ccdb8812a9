/**
 * The tutor's own prompt (`docker-tutor ›`): line editing and history from readline. It can be cancelled
 * (a step passed while the learner was typing) and closed while something else owns the terminal
 * (a quiz, a shell command), then opened again with the same history.
 */
import readline from "node:readline";

import type { Answer } from "../run/tutor/context.js";

export class LinePrompt {
  private rl: readline.Interface | undefined;
  private pending: ((answer: Answer) => void) | undefined;
  /** Lines typed while the tutor was busy (printing a hint, saving progress): answered by the next ask. */
  private readonly queued: string[] = [];
  readonly history: string[] = [];

  constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly output: NodeJS.WriteStream,
    private readonly promptText: string,
  ) {}

  private open(): readline.Interface {
    if (this.rl) return this.rl;
    const rl = readline.createInterface({
      input: this.input,
      output: this.output,
      terminal: Boolean(this.input.isTTY && this.output.isTTY),
      history: this.history,
      historySize: 500,
      removeHistoryDuplicates: true,
    });
    rl.setPrompt(this.promptText);
    rl.on("line", (line) => {
      if (this.pending) this.settle({ kind: "line", line });
      else this.queued.push(line);
    });
    rl.on("SIGINT", () => this.settle({ kind: "closed" }));
    rl.on("close", () => {
      if (this.rl === rl) this.rl = undefined;
      this.settle({ kind: "closed" });
    });
    this.rl = rl;
    return rl;
  }

  /** Waits for one line. */
  ask(): Promise<Answer> {
    const early = this.queued.shift();
    if (early !== undefined) return Promise.resolve({ kind: "line", line: early });
    const rl = this.open();
    return new Promise((resolve) => {
      this.pending = resolve;
      rl.prompt();
    });
  }

  /** Ends a pending ask without a line (the step moved on by itself). */
  cancel(): void {
    if (!this.pending) return;
    this.rl?.write("", { ctrl: true, name: "u" }); // drop the half-typed line
    this.settle({ kind: "cancelled" });
  }

  /** Prints above the prompt without losing what the learner is typing. */
  print(text: string): void {
    if (this.rl && this.pending && this.output.isTTY) {
      readline.clearLine(this.output, 0);
      readline.cursorTo(this.output, 0);
      this.output.write(`${text}\n`);
      this.rl.prompt(true);
    } else {
      this.output.write(`${text}\n`);
    }
  }

  /** Hands the terminal to someone else (inquirer, a child process); `ask` opens it again. */
  release(): void {
    const rl = this.rl;
    this.rl = undefined;
    if (!rl) return;
    // readline keeps its own copy of the history: carry it over to the next interface.
    const kept = (rl as unknown as { history?: string[] }).history;
    if (kept) this.history.splice(0, this.history.length, ...kept);
    rl.close();
  }

  private settle(answer: Answer): void {
    const resolve = this.pending;
    this.pending = undefined;
    resolve?.(answer);
  }
}
