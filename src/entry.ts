/**
 * What every way into a command shares: the context built from the global options, and the one place
 * that turns errors into a line on stderr and an exit code.
 */
import { statSync } from "node:fs";
import type { CommandContext } from "./command-context.js";
import { ExitCode, TutorError } from "./errors.js";
import { detectLanguage, translator } from "./i18n/index.js";
import { colorWanted } from "./render/style.js";
import { processOutput, processTerminal } from "./render/terminal.js";
import { oneLine } from "./text/neutralize.js";

export interface GlobalOptions {
  lang?: string;
  pack: string[];
  color: boolean;
}

export function commandContext(options: GlobalOptions, version: string): CommandContext {
  for (const dir of options.pack) {
    // A pack the learner names must exist: a typo would otherwise just leave its lessons out.
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new TutorError(`no pack folder at ${dir}`, "check the path given to --pack", 2);
  }
  const language = detectLanguage(options.lang, process.env);
  return {
    version,
    language,
    t: translator(language),
    packs: options.pack,
    color: colorWanted(options.color, process.env, process.stdout),
    env: process.env,
    output: processOutput,
    terminal: processTerminal,
  };
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof ExitCode) return error.code;
  if (error instanceof TutorError) {
    process.stderr.write(
      `docker-tutor: ${oneLine(error.message)}${error.fix ? ` — ${oneLine(error.fix)}` : ""}\n`,
    );
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`docker-tutor: unexpected error: ${oneLine(message.split("\n")[0] ?? "")}\n`);
  if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("  (set DEBUG=1 for details, and please report it)\n");
  return 70;
}
