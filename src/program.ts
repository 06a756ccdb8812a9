/**
 * The program: global options, command routing, and the one place that turns errors into exit codes.
 * Commands are imported lazily so that `list` never loads the engine client, marked or prompts.
 */
import { Command, CommanderError, Option } from "commander";
import type { CommandContext } from "./command-context.js";
import { commandContext, exitCodeOf, type GlobalOptions } from "./entry.js";
import { uiLanguages } from "./i18n/index.js";

let version = "";

function context(program: Command): CommandContext {
  return commandContext(program.opts<GlobalOptions>(), version);
}

function buildProgram(): Command {
  const program = new Command("docker-tutor")
    .description("Learn Docker on your own machine: lessons that check your work through the Docker engine.")
    .version(version, "-V, --version")
    .addOption(new Option("--lang <language>", "language of the tutor and lessons").choices([...uiLanguages]))
    .option("--pack <dir>", "load a lesson pack from this folder (repeatable)", collect, [])
    .option("--no-color", "plain output without colours (NO_COLOR too)")
    .showHelpAfterError("(run docker-tutor --help for usage)")
    .exitOverride();

  program
    .command("start")
    .description("the interactive tutor: pick a lesson, or jump into LESSON; steps pass by themselves")
    .argument("[lesson]", "a lesson id")
    .option("--workdir <dir>", "folder holding the lessons' working folders (default ./docker-tutor-work)")
    .option("--yes", "trust the loaded packs without asking")
    .action(async (lesson: string | undefined, options: { workdir?: string; yes?: boolean }) => {
      const { runStart } = await import("./commands/start.js");
      await runStart(context(program), lesson, options);
    });

  program
    .command("list")
    .description("list the lessons of every loaded pack, with your progress")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { runList } = await import("./commands/list.js");
      await runList(context(program), options);
    });

  program
    .command("lint")
    .description("check lesson packs for mistakes (default: the built-in pack)")
    .argument("[packs...]", "pack folders")
    .option("--json", "print JSON")
    .action(async (dirs: string[], options: { json?: boolean }) => {
      const { runLint } = await import("./commands/lint.js");
      await runLint(context(program), dirs, options);
    });

  program
    .command("doctor")
    .description("check that the Docker engine and everything the lessons need are here")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { runDoctor } = await import("./commands/doctor.js");
      await runDoctor(context(program), options);
    });

  program
    .command("check")
    .description("run the current step's checks once (or LESSON's current step, or LESSON/STEP)")
    .argument("[target]", "LESSON or LESSON/STEP")
    .option("--json", "print JSON")
    .option("--workdir <dir>", "folder holding the lessons' working folders (default ./docker-tutor-work)")
    .option("--yes", "trust the lesson's pack without asking")
    .action(
      async (target: string | undefined, options: { json?: boolean; workdir?: string; yes?: boolean }) => {
        const { runCheck } = await import("./commands/check.js");
        await runCheck(context(program), target, options);
      },
    );

  program
    .command("preview")
    .description(
      "show a lesson as the learner will see it: every step, hints, solution, quiz answers, checks in words",
    )
    .argument("<lesson>", "a lesson id (or PACK/LESSON)")
    .option("--step <id>", "show this step only, and run its checks against the engine")
    .option("--watch", "show it again at every save in the pack's folder, problems first")
    .option(
      "--workdir <dir>",
      "folder holding the lessons' working folders, for --step (default ./docker-tutor-work)",
    )
    .option("--yes", "trust the lesson's pack without asking (for --step)")
    .action(async (lesson: string, options: import("./commands/preview.js").PreviewCommandOptions) => {
      const { runPreview } = await import("./commands/preview.js");
      await runPreview(context(program), lesson, options);
    });

  program
    .command("reset")
    .description(
      "remove what a lesson created (only what it owns) and its working folder, and clear its progress",
    )
    .argument("[lesson]", "the lesson (default: the one in progress)")
    .option("--all", "every lesson of every loaded pack")
    .option("--yes", "do not ask for confirmation (nor to trust the packs)")
    .option("--workdir <dir>", "folder holding the lessons' working folders (default ./docker-tutor-work)")
    .action(
      async (lesson: string | undefined, options: { all?: boolean; yes?: boolean; workdir?: string }) => {
        const { runReset } = await import("./commands/reset.js");
        await runReset(context(program), lesson, options);
      },
    );

  program
    .command("verify")
    .description(
      "prove packs: every check fails before its solution and passes after it (default: the built-in pack)",
    )
    .argument("[packs...]", "pack folders")
    .option("--lesson <id>", "only this lesson (repeatable)", collect)
    .option("--junit <file>", "also write a JUnit XML report")
    .option("--json", "print JSON")
    .option("--workdir <dir>", "where lessons' working folders go (default: a temporary folder)")
    .option("--solution-timeout <seconds>", "how long one solution may run", "300")
    .option("--check-wait <seconds>", "how long checks may take to pass after a solution", "30")
    .option("--yes", "trust the packs given without asking (or DOCKER_TUTOR_TRUST=1)")
    .option(
      "--watch",
      "verify again at every save: the lessons whose files changed; a newer save cancels a stale run",
    )
    .action(async (dirs: string[], options: import("./commands/verify.js").VerifyCommandOptions) => {
      if (options.watch) {
        const { runVerifyWatch } = await import("./commands/verify-watch.js");
        return runVerifyWatch(context(program), dirs, options);
      }
      const { runVerify } = await import("./commands/verify.js");
      await runVerify(context(program), dirs, options);
    });

  const scaffold = program
    .command("new")
    .description("start a lesson pack, or a lesson in one, that lints clean and verifies as written");

  scaffold
    .command("pack")
    .description("make a pack in DIR (new or empty): pack.yaml, a first lesson in each language, the schemas")
    .argument("<dir>", "the pack folder")
    .option("--id <id>", "the pack's id (default: the folder's name)")
    .option("--languages <codes>", "the pack's languages, the primary one first", "en,fr")
    .option("--lesson <id>", "the first lesson's id", "first-lesson")
    .action(async (dir: string, options: import("./commands/new.js").NewPackCommandOptions) => {
      const { runNewPack } = await import("./commands/new.js");
      await runNewPack(context(program), dir, options);
    });

  scaffold
    .command("lesson")
    .description(
      "add lesson ID to the pack at --pack DIR (default: the current folder), in each of its languages",
    )
    .argument("<id>", "the lesson's id (lowercase letters, digits, dashes)")
    .action(async (id: string) => {
      const { runNewLesson } = await import("./commands/new.js");
      await runNewLesson(context(program), id);
    });

  return program;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function main(argv: string[], ownVersion: string): Promise<number> {
  version = ownVersion;
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  // Commander has printed the message or the help already.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  return exitCodeOf(error);
}
