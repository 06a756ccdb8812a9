/**
 * The interactive tutor: the lesson menu, then the steps of a lesson. Reading steps continue on Enter,
 * quizzes go through inquirer, and task steps pass by themselves: a watcher re-checks on every engine event
 * and working-folder change, and the step moves on as soon as its checks pass, with no key to press.
 */
import type { ChalkInstance } from "chalk";
import type { CheckContext } from "../checks/context.js";
import type { CheckResult } from "../checks/result.js";
import type { CommandContext } from "../context.js";
import type { Engine } from "../engine/connect.js";
import { TutorError } from "../errors.js";
import { translator, type UiLanguage, uiLanguages } from "../i18n/index.js";
import { type Lesson, localize, type Pack, type Step } from "../lessons/model.js";
import { findLesson } from "../lessons/pack-sources.js";
import { isCorrectAnswer } from "../lessons/quiz.js";
import { type LessonProgress, lessonStatus, readProgress, updateLessonProgress } from "../progress/store.js";
import { palette } from "../render/style.js";
import { prepareWorkdir } from "../workspace/workdir.js";
import { markdownRenderer, neutralize } from "./markdown.js";
import { LinePrompt } from "./prompt.js";

type Flow = "next" | "back" | "menu" | "quit";

let engineSideModule: Promise<typeof import("./engine-side.js")> | undefined;
/** The task machinery, loaded once, at the first task. */
function engineSide(): Promise<typeof import("./engine-side.js")> {
  engineSideModule ??= import("./engine-side.js");
  return engineSideModule;
}

export interface TutorOptions {
  ctx: CommandContext;
  packs: Pack[];
  home: string;
  workdirBase: string;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

/** Thrown out of inquirer prompts on Ctrl+C. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

export class Tutor {
  private language: UiLanguage;
  private t: CommandContext["t"];
  private readonly c: ChalkInstance;
  private readonly prompt: LinePrompt;
  private engine: Engine | undefined;
  private compose: string | undefined;

  constructor(private readonly options: TutorOptions) {
    this.language = options.ctx.language;
    this.t = options.ctx.t;
    this.c = palette(options.ctx.color);
    this.prompt = new LinePrompt(options.input, options.output, this.c.cyan("docker-tutor › "));
  }

  private say(text = ""): void {
    this.prompt.print(text);
  }

  private get width(): number {
    return this.options.output.columns || 80;
  }

  /** Runs until the learner quits. */
  async run(lessonRef: string | undefined): Promise<void> {
    try {
      let ref = lessonRef;
      for (;;) {
        const picked = ref ? this.find(ref) : await this.menu();
        ref = undefined;
        if (!picked) break;
        const flow = await this.runLesson(picked.pack, picked.lesson);
        if (flow === "quit") break;
      }
    } catch (error) {
      if (!isPromptExit(error)) throw error;
    } finally {
      this.prompt.release();
    }
    this.say(this.c.dim(this.t("tutor.bye")));
  }

  private find(ref: string): { pack: Pack; lesson: Lesson } {
    const lesson = findLesson(this.options.packs, ref);
    const pack = this.options.packs.find((p) => p.id === lesson?.packId);
    if (lesson && pack) return { pack, lesson };
    const known = this.options.packs.flatMap((p) => p.lessons.map((l) => l.id)).join(", ");
    throw new TutorError(this.t("tutor.unknownLesson", { id: ref }), `pick one of: ${known}`, 2);
  }

  private async menu(): Promise<{ pack: Pack; lesson: Lesson } | undefined> {
    const { progress, warning } = await readProgress(this.options.home);
    if (warning) this.say(this.c.yellow(`⚠ ${warning}`));
    const entries = this.options.packs.flatMap((pack) => pack.lessons.map((lesson) => ({ pack, lesson })));
    if (entries.length === 0) {
      this.say(this.t("tutor.menu.empty"));
      return undefined;
    }
    const { default: select, Separator } = await import("@inquirer/select");
    this.prompt.release();
    const choices = entries.map(({ lesson }, index) => {
      const { status, stepIndex } = lessonStatus(progress, lesson);
      const where =
        status === "in-progress"
          ? this.t("list.stepOf", { current: stepIndex + 1, total: lesson.steps.length })
          : this.t(`status.${status}`);
      const mark =
        status === "done" ? this.c.green("✔") : status === "in-progress" ? this.c.yellow("…") : " ";
      const after =
        lesson.meta.requires.length > 0
          ? this.c.dim(` (${this.t("tutor.menu.after", { ids: lesson.meta.requires.join(", ") })})`)
          : "";
      const title = localize(lesson, this.language).text.title;
      return { name: `${mark} ${title} ${this.c.dim(`· ${where}`)}${after}`, value: index };
    });
    const firstOpen = entries.findIndex(({ lesson }) => lessonStatus(progress, lesson).status !== "done");
    const answer = await select<number>({
      message: this.t("tutor.menu.title"),
      choices: [...choices, new Separator(), { name: this.t("tutor.menu.quit"), value: -1 }],
      default: Math.max(0, firstOpen),
      pageSize: Math.min(20, entries.length + 2),
    });
    return answer < 0 ? undefined : entries[answer];
  }

  private async runLesson(pack: Pack, lesson: Lesson): Promise<Flow> {
    const { progress } = await readProgress(this.options.home);
    const status = lessonStatus(progress, lesson);
    let index = status.status === "done" ? 0 : status.stepIndex;
    await this.record(lesson, (entry) => {
      entry.current = lesson.steps[index]?.id;
    });
    while (index < lesson.steps.length) {
      const step = lesson.steps[index] as Step;
      const flow = await this.runStep(pack, lesson, step, index);
      if (flow === "quit" || flow === "menu") return flow;
      index = flow === "back" ? Math.max(0, index - 1) : index + 1;
      const next = lesson.steps[index];
      await this.record(lesson, (entry) => {
        if (next) entry.current = next.id;
        else entry.completed = new Date().toISOString();
      });
    }
    this.say(
      this.c.green.bold(
        `★ ${this.t("tutor.lessonDone", { title: localize(lesson, this.language).text.title })}`,
      ),
    );
    return "menu";
  }

  /** Adds to the lesson's progress entry under the store's lock. */
  private record(lesson: Lesson, change: (entry: LessonProgress) => void): Promise<unknown> {
    return updateLessonProgress(this.options.home, lesson, change);
  }

  private async showStep(lesson: Lesson, step: Step, index: number): Promise<void> {
    const { text, fallback } = localize(lesson, this.language);
    const stepText = text.steps[step.id];
    const render = await markdownRenderer(this.width, this.options.ctx.color);
    const keys = this.t(
      step.kind === "task" ? "tutor.keys.task" : step.kind === "quiz" ? "tutor.keys.quiz" : "tutor.keys.read",
    );
    const header = this.t("tutor.header", {
      lesson: text.title,
      current: index + 1,
      total: lesson.steps.length,
      keys,
    });
    this.say("");
    this.say(this.c.inverse(` ${header} `.slice(0, this.width)));
    this.say("");
    if (index === 0 && text.intro) this.say(`${render(text.intro)}\n`);
    this.say(this.c.bold(neutralize(stepText?.title ?? step.id)));
    this.say("");
    if (stepText?.prose) this.say(render(stepText.prose));
    if (
      fallback &&
      lesson.text[this.language]?.steps[step.id] === undefined &&
      this.language !== lesson.primaryLanguage
    ) {
      this.say(this.c.dim(this.t("tutor.translationMissing")));
    }
  }

  private async runStep(pack: Pack, lesson: Lesson, step: Step, index: number): Promise<Flow> {
    await this.showStep(lesson, step, index);
    if (step.kind === "quiz") return this.runQuiz(lesson, step);
    if (step.kind === "task") {
      for (;;) {
        const flow = await this.runTask(pack, lesson, step, index);
        if (flow !== "again") return flow;
      }
    }
    this.say(`\n${this.c.dim(this.t("tutor.continue"))}`);
    for (;;) {
      const answer = await this.prompt.ask();
      if (answer.kind !== "line") return "quit";
      const flow = await this.command(answer.line.trim(), lesson, step, index, undefined);
      if (flow === "continue") return "next";
      if (flow) return flow;
    }
  }

  /**
   * The commands every step understands. Returns a flow to leave the step, "continue" for an empty line,
   * or undefined when the step goes on.
   */
  private async command(
    line: string,
    lesson: Lesson,
    step: Step,
    index: number,
    cwd: string | undefined,
  ): Promise<Flow | "continue" | undefined> {
    switch (line) {
      case "":
        return "continue";
      case "quit":
      case "exit":
        return "quit";
      case "menu":
        return "menu";
      case "back":
        if (index === 0) {
          this.say(this.t("tutor.atStart"));
          return undefined;
        }
        return "back";
      case "help":
        this.say(this.t("tutor.help"));
        return undefined;
      case "lang": {
        this.language = uiLanguages[
          (uiLanguages.indexOf(this.language) + 1) % uiLanguages.length
        ] as UiLanguage;
        this.t = translator(this.language);
        this.say(this.t("tutor.langNow", { lang: this.language }));
        await this.showStep(lesson, step, index);
        return undefined;
      }
    }
    this.prompt.release();
    const { runInShell } = await engineSide();
    const code = await runInShell(line, cwd ?? process.cwd(), this.shellEnv());
    if (code !== 0) this.say(this.c.dim(this.t("tutor.commandFailed", { code })));
    return undefined;
  }

  private shellEnv(): NodeJS.ProcessEnv {
    return this.compose ? { ...process.env, DOCKER_TUTOR_COMPOSE: this.compose } : process.env;
  }

  private async runQuiz(lesson: Lesson, step: Step): Promise<Flow> {
    const quiz = step.quiz;
    const { text } = localize(lesson, this.language);
    const words = text.steps[step.id]?.quiz ?? lesson.text[lesson.primaryLanguage]?.steps[step.id]?.quiz;
    if (!quiz || !words) return "next";
    const [{ default: select }, { default: checkbox }] = await Promise.all([
      import("@inquirer/select"),
      import("@inquirer/checkbox"),
    ]);
    this.prompt.release();
    const choices = words.choices.map((choice, i) => ({ name: neutralize(choice.text), value: i }));
    for (;;) {
      const picked = quiz.multiple
        ? await checkbox<number>({
            message: `${neutralize(words.question)} ${this.c.dim(this.t("tutor.quizPick"))}`,
            choices,
          })
        : [await select<number>({ message: neutralize(words.question), choices })];
      for (const i of picked) {
        const explain = words.choices[i]?.explain;
        if (explain)
          this.say(
            `  ${quiz.correct.includes(i) ? this.c.green("✔") : this.c.red("✖")} ${neutralize(explain)}`,
          );
      }
      if (isCorrectAnswer(quiz, picked)) {
        this.say(this.c.green(this.t("tutor.quizRight")));
        return "next";
      }
      this.say(this.c.yellow(this.t("tutor.quizWrong")));
    }
  }

  private async connect(): Promise<Engine | undefined> {
    if (this.engine) return this.engine;
    const { connectEngine, detectCompose } = await engineSide();
    try {
      [this.engine, this.compose] = await Promise.all([
        connectEngine(this.options.ctx.env),
        detectCompose(this.options.ctx.env),
      ]);
      return this.engine;
    } catch (error) {
      if (!(error instanceof TutorError)) throw error;
      this.say(this.c.yellow(this.t("tutor.noEngine", { message: error.message, fix: error.fix ?? "" })));
      return undefined;
    }
  }

  /** "again": the engine came back after the step began without it; the step starts over with it. */
  private async runTask(pack: Pack, lesson: Lesson, step: Step, index: number): Promise<Flow | "again"> {
    const { dir, created } = await prepareWorkdir(this.options.workdirBase, lesson, pack);
    if (created || index === lesson.steps.findIndex((s) => s.kind === "task")) {
      this.say(`\n${this.c.dim(this.t("tutor.workdir", { dir }))}`);
    }
    this.say(this.c.dim(this.t("tutor.taskHelp")));
    const engine = await this.connect();
    const { createCheckContext, missingImages, pullImages, StepWatcher } = await engineSide();
    if (engine && lesson.meta.images.length > 0) {
      const missing = await missingImages(engine.docker, lesson.meta.images);
      if (missing.length > 0) {
        let last = "";
        const failed = await pullImages(engine.docker, missing, (line) => {
          if (line !== last && this.options.output.isTTY)
            this.options.output.write(`\r\x1b[K${this.t("tutor.pulling", { image: line })}`);
          last = line;
        });
        if (this.options.output.isTTY) this.options.output.write("\r\x1b[K");
        if (failed.length > 0)
          this.say(this.c.yellow(this.t("tutor.imagesMissing", { images: failed.join(", ") })));
      }
    }

    const ctx = engine
      ? createCheckContext({
          docker: engine.docker,
          workdir: dir,
          resources: lesson.meta.resources,
          images: lesson.meta.images,
          engineHost: engine.target.host,
        })
      : undefined;
    let passed = false;
    const onPass = () => {
      if (passed) return;
      passed = true;
      this.say(
        this.c.green(
          `✔ ${this.t("tutor.stepDone", { title: neutralize(localize(lesson, this.language).text.steps[step.id]?.title ?? step.id) })}`,
        ),
      );
      this.prompt.cancel();
    };
    const task = new TaskStep(this, ctx, onPass);
    const watcher = engine ? new StepWatcher(engine.docker, dir) : undefined;
    watcher?.on("change", () => void task.recheck(step, false));
    watcher?.on("engine-down", () => this.say(this.c.yellow.bold(`⚠ ${this.t("tutor.engineDown")}`)));
    watcher?.on("engine-up", () => this.say(this.c.green(this.t("tutor.engineBack"))));
    watcher?.on("polling", (ms: number) =>
      this.say(this.c.dim(this.t("tutor.pollingFallback", { seconds: ms / 1000 }))),
    );
    await watcher?.start();
    try {
      await task.recheck(step, false);
      let hintsShown = 0;
      while (!passed) {
        const answer = await this.prompt.ask();
        if (passed || answer.kind === "cancelled") break;
        if (answer.kind === "closed") return "quit";
        const line = answer.line.trim();
        if (line === "hint") {
          const hints = localize(lesson, this.language).text.steps[step.id]?.hints ?? [];
          if (hintsShown >= hints.length) this.say(this.t("tutor.noHints"));
          else {
            const render = await markdownRenderer(this.width, this.options.ctx.color);
            const hint = render(hints[hintsShown] ?? "");
            this.say(
              this.c.yellow(this.t("tutor.hint", { n: hintsShown + 1, total: hints.length, text: hint })),
            );
            hintsShown++;
            await this.record(lesson, (entry) => {
              const record = entry.steps[step.id] ?? {};
              record.hints = Math.max(record.hints ?? 0, hintsShown);
              entry.steps[step.id] = record;
            });
          }
        } else if (line === "solution") {
          await this.offerSolution(step, dir);
          await task.recheck(step, true);
        } else if (line === "check") {
          // No engine when the step began: try again, the learner may have started it since.
          if (!ctx) {
            if (await this.connect()) return "again";
          } else await task.recheck(step, true, true);
        } else if (line === "skip") {
          await this.record(lesson, (entry) => {
            entry.steps[step.id] = { ...entry.steps[step.id], skipped: true };
          });
          this.say(this.c.dim(this.t("tutor.skipped", { title: step.id })));
          return "next";
        } else if (line === "reset") {
          await this.resetLesson(lesson);
        } else if (line === "") {
          // An empty line: nothing to do; the step passes by itself.
        } else {
          const flow = await this.command(line, lesson, step, index, dir);
          if (flow && flow !== "continue") return flow;
          if (!passed) await task.recheck(step, true);
        }
      }
      await this.record(lesson, (entry) => {
        entry.steps[step.id] = { ...entry.steps[step.id], done: new Date().toISOString() };
      });
      return "next";
    } finally {
      watcher?.stop();
    }
  }

  private async offerSolution(step: Step, dir: string): Promise<void> {
    const script = step.solution?.script;
    if (!script) return;
    this.say(this.t("tutor.solutionShow"));
    this.say(
      this.c.cyan(
        script
          .split("\n")
          .map((l) => `  ${neutralize(l)}`)
          .join("\n"),
      ),
    );
    const { default: confirm } = await import("@inquirer/confirm");
    this.prompt.release();
    // Consent: a solution runs only when the learner says yes, never by default.
    if (!(await confirm({ message: this.t("tutor.solutionRun"), default: false }))) return;
    const { runInShell } = await engineSide();
    const code = await runInShell(script, dir, this.shellEnv());
    this.say(this.c.dim(this.t("tutor.solutionRan", { code })));
  }

  private async resetLesson(lesson: Lesson): Promise<void> {
    const engine = await this.connect();
    if (!engine) return;
    const { findOwned, removeOwned } = await engineSide();
    const owned = await findOwned(engine.docker, [lesson]);
    if (owned.length === 0) {
      this.say(this.t("tutor.resetNothing"));
      return;
    }
    const { default: confirm } = await import("@inquirer/confirm");
    this.prompt.release();
    const items = owned.map((r) => `${r.kind} ${r.name}`).join(", ");
    if (!(await confirm({ message: this.t("tutor.resetAsk", { items }), default: false }))) return;
    const report = await removeOwned(engine.docker, owned);
    this.say(this.t("tutor.resetDone", { count: report.removed.length }));
  }

  /** For TaskStep: print above the prompt in the tutor's colours. */
  report(results: CheckResult[], verbose: boolean, passed: boolean): void {
    if (passed && !verbose) return;
    if (verbose) {
      for (const r of results) this.say(`${r.passed ? this.c.green("✔") : this.c.red("✖")} ${r.message}`);
      if (results.every((r) => r.passed)) this.say(this.c.green(this.t("tutor.checkPassed")));
      return;
    }
    const first = results.find((r) => !r.passed);
    if (first) this.say(this.c.yellow(this.t("tutor.notYet", { message: first.message })));
  }
}

/**
 * A task step's checks. Every change starts an evaluation at once, even while an older one runs: the older
 * one looked at the world before the change, so waiting for it would only delay the step passing.
 */
class TaskStep {
  constructor(
    private readonly tutor: Tutor,
    private readonly ctx: CheckContext | undefined,
    private readonly onPass: () => void,
  ) {}

  /** Evaluates the checks; `diagnose` prints the first failure (after a command), `verbose` every result. */
  async recheck(step: Step, diagnose: boolean, verbose = false): Promise<boolean> {
    if (!this.ctx) return false;
    const { evaluateChecks } = await engineSide();
    const results = await evaluateChecks(step.checks, this.ctx);
    const passed = results.every((r) => r.passed);
    if (passed) this.onPass();
    if (diagnose || verbose) this.tutor.report(results, verbose, passed);
    return passed;
  }
}
