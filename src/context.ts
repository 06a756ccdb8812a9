/** What every command receives: language, packs, output streams and colour. Side effects come in through it. */
import type { Translate, UiLanguage } from "./i18n/index.js";

export interface Output {
  /** A line (or lines) for standard output. */
  out(text: string): void;
  /** A line for standard error: warnings and problems. */
  err(text: string): void;
}

export interface CommandContext {
  /** docker-tutor's own version. */
  version: string;
  language: UiLanguage;
  t: Translate;
  /** Extra pack folders from --pack, in order. */
  packs: string[];
  color: boolean;
  env: NodeJS.ProcessEnv;
  output: Output;
}

export const processOutput: Output = {
  out: (text) => {
    process.stdout.write(`${text}\n`);
  },
  err: (text) => {
    process.stderr.write(`${text}\n`);
  },
};
