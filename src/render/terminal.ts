/**
 * The process's own standard streams, behind `Output` and `Terminal`: with the entry point, the only
 * place that writes to them. A live line (verify's progress) is cleared before the next full line.
 */
import type { Output, Terminal } from "../command-context.js";

let liveShown = false;

function clearLive(): void {
  if (liveShown) process.stdout.write("\r\x1b[K");
  liveShown = false;
}

export const processOutput: Output = {
  out: (text) => {
    clearLive();
    process.stdout.write(`${text}\n`);
  },
  err: (text) => {
    clearLive();
    process.stderr.write(`${text}\n`);
  },
};

export const processTerminal: Terminal = {
  get interactive() {
    return process.stdin.isTTY === true;
  },
  get tty() {
    return process.stdout.isTTY === true;
  },
  get columns() {
    return process.stdout.columns || 80;
  },
  live(text) {
    if (!process.stdout.isTTY) return;
    process.stdout.write(`\r\x1b[K${text.slice(0, (process.stdout.columns || 80) - 1)}`);
    liveShown = true;
  },
  async confirm(message) {
    clearLive();
    const { default: confirm } = await import("@inquirer/confirm");
    return confirm({ message, default: false }).catch(() => false);
  },
};
