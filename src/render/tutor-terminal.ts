/**
 * The tutor's context on a real terminal: the line prompt, inquirer for menus and quizzes, marked-terminal
 * for prose, chalk for tones. Everything the tutor shows goes through here.
 */
import type { CheckResult } from "../checks/result.js";
import type { CommandContext } from "../command-context.js";
import { TutorError } from "../errors.js";
import { translator, type UiLanguage } from "../i18n/index.js";
import type { Lesson } from "../pack/model.js";
import { readProgress, recordProgress } from "../progress/store.js";
import type { MenuEntry, StepView, TaskEngine, Tone, TutorContext } from "../run/tutor/context.js";
import { neutralize } from "../text/neutralize.js";
import { prepareWorkdir } from "../world/workdir.js";
import { LinePrompt } from "./line-prompt.js";
import { resultLine } from "./result-line.js";
import { palette } from "./style.js";
import { markdownRenderer } from "./terminal-markdown.js";

type EngineSide = typeof import("../run/tutor/engine-side.js");
let engineSideModule: Promise<EngineSide> | undefined;
/** The task machinery, loaded once, at the first task. */
function engineSide(): Promise<EngineSide> {
  engineSideModule ??= import("../run/tutor/engine-side.js");
  return engineSideModule;
}

export interface TerminalTutorOptions {
  command: CommandContext;
  home: string;
  workdirBase: string;
  /** Default: the process's own terminal. */
  input?: NodeJS.ReadStream;
  output?: NodeJS.WriteStream;
}

export function terminalTutorContext(options: TerminalTutorOptions): TutorContext & { close(): void } {
  const { command, home } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const c = palette(command.color);
  const prompt = new LinePrompt(input, output, c.cyan("docker-tutor › "));
  const width = () => output.columns || 80;
  const render = () => markdownRenderer(width(), command.color);
  const tones: Record<Tone, (text: string) => string> = {
    plain: (text) => text,
    dim: c.dim,
    ok: c.green,
    warn: c.yellow,
    alert: c.yellow.bold,
    bold: c.bold,
    celebrate: c.green.bold,
    right: (text) => `  ${c.green("✔")} ${text}`,
    wrong: (text) => `  ${c.red("✖")} ${text}`,
  };
  let connected: { engine: TaskEngine; compose: string | undefined; close(): void } | undefined;
  const shellEnv = () =>
    connected?.compose ? { ...command.env, DOCKER_TUTOR_COMPOSE: connected.compose } : command.env;

  const ctx: TutorContext & { close(): void } = {
    t: command.t,
    language: command.language,
    setLanguage(language: UiLanguage) {
      ctx.language = language;
      ctx.t = translator(language);
    },
    say: (text, tone = "plain") => prompt.print(tones[tone](neutralize(text))),
    async showStep(view: StepView) {
      const md = await render();
      prompt.print("");
      prompt.print(c.inverse(` ${neutralize(view.header)} `.slice(0, width())));
      prompt.print("");
      if (view.intro) prompt.print(`${md(view.intro)}\n`);
      prompt.print(c.bold(neutralize(view.title)));
      prompt.print("");
      if (view.prose) prompt.print(md(view.prose));
      if (view.untranslated) prompt.print(c.dim(ctx.t("tutor.translationMissing")));
    },
    async showHint(n, total, markdown) {
      const text = (await render())(markdown);
      prompt.print(c.yellow(ctx.t("tutor.hint", { n, total, text })));
    },
    showSolution(script) {
      prompt.print(ctx.t("tutor.solutionShow"));
      prompt.print(
        c.cyan(
          script
            .split("\n")
            .map((line) => `  ${neutralize(line)}`)
            .join("\n"),
        ),
      );
    },
    showResults: (results: CheckResult[]) => {
      for (const r of results) prompt.print(resultLine(r, c));
    },
    progressLine(text) {
      if (!output.isTTY) return;
      output.write(text === undefined ? "\r\x1b[K" : `\r\x1b[K${neutralize(text).slice(0, width() - 1)}`);
    },
    prompt: () => prompt.ask(),
    cancelPrompt: () => prompt.cancel(),
    async menu(entries: MenuEntry[], defaultIndex: number) {
      const { default: select, Separator } = await import("@inquirer/select");
      prompt.release();
      const marks = { done: c.green("✔"), "in-progress": c.yellow("…"), new: " " };
      const choices = entries.map((entry, index) => ({
        name: `${marks[entry.status]} ${neutralize(entry.title)} ${c.dim(`· ${entry.where}`)}${entry.after ? c.dim(` (${entry.after})`) : ""}${entry.needs ? c.dim(` (${entry.needs})`) : ""}`,
        value: index,
      }));
      const answer = await select<number>({
        message: ctx.t("tutor.menu.title"),
        choices: [...choices, new Separator(), { name: ctx.t("tutor.menu.quit"), value: -1 }],
        default: defaultIndex,
        pageSize: Math.min(20, entries.length + 2),
      });
      return answer < 0 ? undefined : answer;
    },
    async select(message, choices) {
      const { default: select } = await import("@inquirer/select");
      prompt.release();
      const shown = choices.map((choice) => ({ ...choice, name: neutralize(choice.name) }));
      return select<number>({ message: neutralize(message), choices: shown });
    },
    async checkbox(message, choices) {
      const { default: checkbox } = await import("@inquirer/checkbox");
      prompt.release();
      const shown = choices.map((choice) => ({ ...choice, name: neutralize(choice.name) }));
      return checkbox<number>({ message: neutralize(message), choices: shown });
    },
    async confirm(message) {
      const { default: confirm } = await import("@inquirer/confirm");
      prompt.release();
      return confirm({ message: neutralize(message), default: false });
    },
    async engine() {
      if (connected) return connected.engine;
      const { connectTaskEngine } = await engineSide();
      try {
        connected = await connectTaskEngine(command.env, home, command.t);
        return connected.engine;
      } catch (error) {
        if (!(error instanceof TutorError)) throw error;
        ctx.say(ctx.t("tutor.noEngine", { message: error.message, fix: error.fix ?? "" }), "warn");
        return undefined;
      }
    },
    progress: {
      read: () => readProgress(home),
      setStep: (lesson: Lesson, stepId) => recordProgress.setStep(home, lesson, stepId),
      recordHint: (lesson, stepId, shown) => recordProgress.recordHint(home, lesson, stepId, shown),
      beginStep: (lesson, stepId, at) => recordProgress.beginStep(home, lesson, stepId, at),
      skip: (lesson, stepId) => recordProgress.skip(home, lesson, stepId),
      stepDone: (lesson, stepId) => recordProgress.stepDone(home, lesson, stepId),
      complete: (lesson) => recordProgress.complete(home, lesson),
    },
    async shell(line, cwd) {
      const { runInShell } = await engineSide();
      prompt.release();
      return runInShell(line, cwd ?? process.cwd(), shellEnv());
    },
    async runSolution(script, cwd) {
      const { runSolutionInTerminal } = await engineSide();
      prompt.release();
      return runSolutionInTerminal(script, cwd, shellEnv());
    },
    prepareWorkdir: (lesson, packDir) => prepareWorkdir(options.workdirBase, lesson, packDir),
    close() {
      prompt.release();
      // The engine's open requests and streams end too: nothing keeps the process after goodbye.
      connected?.close();
    },
  };
  return ctx;
}
