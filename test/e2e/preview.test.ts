/**
 * `preview` through the built CLI: the built-in pack's lessons in full, in English and French, a pack with
 * mistakes, hostile text, no engine needed; and `--watch` in a pseudo-terminal, edited while it runs.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../src/pack/load-pack.js";
import type { Pack } from "../../src/pack/model.js";
import { builtInPackDir } from "../../src/pack/sources.js";
import { runCli, runProgram, stackTrace, startCli } from "../support/cli.js";
import { cliPath } from "../support/paths.js";
import { keys, TerminalSession } from "../support/pty.js";

let root: string;
let env: NodeJS.ProcessEnv;
let builtIn: Pack;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-preview-e2e-"));
  // No engine is needed to preview: an address that answers nothing proves it.
  env = {
    DOCKER_TUTOR_HOME: path.join(root, "home"),
    XDG_CACHE_HOME: path.join(root, "cache"),
    LANG: "C",
    DOCKER_HOST: "unix:///nonexistent/docker.sock",
  };
  builtIn = (await loadPack(builtInPackDir)).pack as Pack;
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A fresh pack made by `new pack`, with its lesson file's path. */
async function newPack(name: string): Promise<{ dir: string; lesson: string }> {
  const made = await runCli(["new", "pack", name, "--id", `tutor-${name}`], { cwd: root, env });
  expect(made.code).toBe(0);
  const dir = path.join(root, name);
  return { dir, lesson: path.join(dir, "first-lesson.md") };
}

describe("docker-tutor preview", () => {
  it("shows every step of every built-in lesson, with its hints, solution, quiz answers and checks", async () => {
    for (const lesson of builtIn.lessons) {
      const result = await runCli(["preview", lesson.id], { env });
      expect(result, lesson.id).toMatchObject({ code: 0, stderr: "" });
      const out = result.stdout;
      for (const [index, step] of lesson.steps.entries())
        expect(out, `${lesson.id}/${step.id}`).toContain(`${index + 1}/${lesson.steps.length} · `);
      for (const step of lesson.steps) {
        expect(out).toContain(`· #${step.id}`);
        const words = lesson.text.en?.steps[step.id];
        if (step.kind === "task") {
          // Every hint, numbered, and the solution's first line.
          for (const n of words?.hints.keys() ?? []) expect(out).toMatch(new RegExp(`^  ${n + 1}\\. `, "m"));
          expect(out).toContain(`  ${step.solution?.script.split("\n")[0]}`);
        }
        if (step.kind === "quiz") expect(out).toContain(`Quiz: ${words?.quiz?.question}`);
      }
      expect(out).not.toMatch(stackTrace);
    }
  });

  it("words the checks, marks the right quiz answers and explains them", async () => {
    const result = await runCli(["preview", "what-is-docker"], { env });
    expect(result.stdout).toContain("Checks (the step passes when all pass):");
    expect(result.stdout).toContain(
      '  • container tutor-hello is exited, has exit code 0, runs image busybox and has logs containing "Hello from my first container"',
    );
    expect(result.stdout).toContain(
      "  ✔ It shares the host's kernel, so there is no operating system to boot.\n      Right. A container is an isolated process; the kernel is already running.\n  ✖ It uses a type 1 hypervisor.",
    );
    expect(result.stdout).toContain("Hints (the learner asks for them one at a time):\n  1. ");
  });

  it("speaks French with --lang fr: the lesson's words and the checks'", async () => {
    const lesson = builtIn.lessons.find((l) => l.id === "containers");
    const result = await runCli(["--lang", "fr", "preview", "containers"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const fr = lesson?.text.fr;
    expect(result.stdout).toContain(fr?.title);
    for (const step of lesson?.steps ?? []) expect(result.stdout).toContain(fr?.steps[step.id]?.title);
    expect(result.stdout).toContain("Vérifications (l'étape est réussie quand toutes passent) :");
    expect(result.stdout).toContain("  • le conteneur tutor-");
    expect(result.stdout).toContain("Indices (l'apprenant les demande un par un) :");
    expect(result.stdout).not.toContain("Checks (");
  });

  it("shows one step with --step, and says so in one line when there is no such step or lesson", async () => {
    const one = await runCli(["preview", "what-is-docker", "--step", "quiz-kernel"], { env });
    expect(one).toMatchObject({ code: 0, stderr: "" });
    expect(one.stdout).toContain("· #quiz-kernel");
    expect(one.stdout).not.toContain("· #first-container");
    expect(one.stdout).toContain("Step quiz-kernel has no checks to run against the engine.");

    const noStep = await runCli(["preview", "what-is-docker", "--step", "nope"], { env });
    expect(noStep).toMatchObject({ code: 2, stdout: "" });
    expect(noStep.stderr).toMatch(/^docker-tutor: lesson what-is-docker has no step "nope" — its steps: /);
    const noLesson = await runCli(["preview", "nope"], { env });
    expect(noLesson).toMatchObject({ code: 2, stdout: "" });
    expect(noLesson.stderr).toMatch(/^docker-tutor: no lesson "nope" — pick one of: what-is-docker, /);
    expect(noLesson.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("gives a pack's problems as file:line:col lines with exit 1, and shows what loaded", async () => {
    const { dir, lesson } = await newPack("broken");
    const text = await readFile(lesson, "utf8");
    await writeFile(lesson, text.replace("  state: exited", "  stat: exited"));
    const line = text.split("\n").indexOf("  state: exited") + 1;
    const result = await runCli(["preview", "first-lesson", "--pack", "broken"], { cwd: root, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      new RegExp(`^broken/first-lesson\\.md:${line}:3: unknown field "stat" in a container check`, "m"),
    );
    expect(result.stdout).toContain("1 error(s), 0 warning(s)");
    expect(result.stdout).toContain("· #run-a-container");
    expect(result.stdout).toContain("Its checks could not be read: see the problems above.");

    await writeFile(
      path.join(dir, "pack.yaml"),
      "id: tutor-broken\ntitle: {en: x\nlessons: [first-lesson.md]\n",
    );
    const unusable = await runCli(["preview", "first-lesson", "--pack", dir], { env });
    expect(unusable.code).toBe(1);
    expect(unusable.stdout).toMatch(/pack\.yaml:\d+:\d+: YAML: /);
    expect(unusable.stdout).toContain("lesson first-lesson could not be loaded — fix the problems above");
    expect(unusable.stdout + unusable.stderr).not.toMatch(stackTrace);
  });

  it("shows a pack's escape sequences, never sends them to the terminal", async () => {
    const { lesson } = await newPack("hostile");
    const text = await readFile(lesson, "utf8");
    const osc = "\u001b]52;c;ZXZpbA==\u0007";
    await writeFile(
      lesson,
      text
        .replace("An **image** is", `An **image**${osc} is`)
        .replace("A container runs one command", `A container${osc} runs one command`)
        .replace('echo "Hello from busybox"\n```\n', `echo "Hello from busybox" # ${osc}\n\`\`\`\n`)
        .replace("question: Where do", `question: "Where\\e]0;title\\a do`),
    );
    const result = await runCli(["preview", "first-lesson", "--pack", "hostile"], { cwd: root, env });
    expect(result.stdout).not.toContain("\u001b");
    expect(result.stdout).not.toContain("\u0007");
    expect(result.stdout).toContain("\\u001b]52;c;ZXZpbA==\\u0007");
  });

  it("loads no engine client without --step, and reaches for the engine with it", async () => {
    const hooks = path.join(root, "hooks.mjs");
    const register = path.join(root, "register.mjs");
    const log = path.join(root, "loaded.log");
    // Every module the CLI loads that holds dockerode's API calls is written down.
    await writeFile(
      hooks,
      `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  const result = await next(url, context);
  if (String(result.source ?? "").includes("/containers/create")) appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return result;
}`,
    );
    await writeFile(
      register,
      `import { register } from "node:module"; register(${JSON.stringify(`file://${hooks}`)});`,
    );
    const run = (args: string[]) =>
      runProgram(process.execPath, ["--import", register, cliPath, ...args], {
        env: { ...process.env, ...env, NO_COLOR: "1" },
      });
    const plain = await run(["preview", "what-is-docker"]);
    expect(plain.code).toBe(0);
    expect(await readFile(log, "utf8").catch(() => "")).toBe("");

    const focused = await run(["preview", "what-is-docker", "--step", "first-container"]);
    expect(focused.code).toBe(2);
    expect(focused.stdout).toContain("· #first-container");
    expect(focused.stdout).toContain(
      "The engine could not check step first-container: cannot reach the Docker engine: no Docker engine socket at /nonexistent/docker.sock (from DOCKER_HOST)",
    );
    expect(focused.stderr).toBe("");
    expect(await readFile(log, "utf8")).toMatch(/chunks\/.+\.js\n$/);
  });
});

describe("docker-tutor preview --watch", () => {
  it("shows each save within moments in a terminal, problems in place, and leaves on Ctrl+C", async () => {
    const { dir, lesson } = await newPack("watched");
    const t = new TerminalSession(["preview", "first-lesson", "--pack", dir, "--watch"], { cwd: root, env });
    try {
      await t.waitFor("Watching ");
      await t.waitFor("1 pack(s), 1 lesson(s): no problems");
      await t.waitFor("1/3 · Images and containers · reading · #about");

      // A save: the new title is on screen within moments (measured from the write).
      const text = await readFile(lesson, "utf8");
      const edited = text.replace("## Images and containers {#about}", "## Images, then containers {#about}");
      let started = performance.now();
      await writeFile(lesson, edited);
      await t.waitFor("1/3 · Images, then containers · reading · #about", 5000);
      const shownMs = performance.now() - started;
      console.log(`preview --watch: save → screen in ${shownMs.toFixed(0)} ms`);
      expect(shownMs).toBeLessThan(2000);

      // A mistake: its file:line is on screen, above the lesson.
      const line = edited.split("\n").indexOf("  state: exited") + 1;
      started = performance.now();
      await writeFile(lesson, edited.replace("  state: exited", "  stat: exited"));
      await t.waitFor(`watched/first-lesson.md:${line}:3: unknown field "stat" in a container check`, 5000);
      console.log(
        `preview --watch: save → problem on screen in ${(performance.now() - started).toFixed(0)} ms`,
      );
      await t.waitFor("1 error(s), 0 warning(s)");

      // An editor that saves by renaming a new file over the old one, fixing it.
      await writeFile(`${lesson}.tmp`, edited);
      const { rename } = await import("node:fs/promises");
      await rename(`${lesson}.tmp`, lesson);
      await t.waitFor("1 pack(s), 1 lesson(s): no problems", 5000);
      await t.waitFor("Checks (the step passes when all pass):");

      t.write(keys.ctrlC);
      expect(await t.exit()).toBe(0);
      expect(t.text).not.toMatch(stackTrace);
    } finally {
      t.kill();
    }
  });

  it("prints a separator line between screens when the output is no terminal, and ends 0 on SIGINT", async () => {
    const { lesson } = await newPack("logged");
    const cli = startCli(["preview", "first-lesson", "--pack", "logged", "--watch"], { cwd: root, env });
    try {
      await cli.until("#run-a-container", 30_000);
      await writeFile(lesson, (await readFile(lesson, "utf8")).replace("Quick check", "A quick check"));
      await cli.until(/\n── \d\d:\d\d:\d\d · logged\/first-lesson\.md changed ──\n/);
      await cli.until("2/3 · A quick check · quiz");
      expect(cli.stdout).not.toContain("\u001b");
      expect(await cli.interrupt()).toBe(0);
      expect(cli.stderr).toBe("");
    } finally {
      cli.kill();
    }
  });
});
