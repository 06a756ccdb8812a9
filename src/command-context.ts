/** What every command receives: language, packs, output and terminal, colour. Side effects come in through it. */
import type { Translate, UiLanguage } from "./i18n/index.js";

export interface Output {
  /** A line (or lines) for standard output. */
  out(text: string): void;
  /** A line for standard error: warnings and problems. */
  err(text: string): void;
}

/** The learner's terminal, for what goes beyond lines: a live line, a question, its size. */
export interface Terminal {
  /** Standard input is a terminal: questions can be asked. */
  interactive: boolean;
  /** Standard output is a terminal: a live line can be drawn. */
  tty: boolean;
  columns: number;
  /** Rewrites the current line in place (nothing when standard output is no terminal). */
  live(text: string): void;
  /** A yes/no question; Ctrl+C answers no. */
  confirm(message: string): Promise<boolean>;
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
  terminal: Terminal;
}
