/**
 * The small ways outside input used to go wrong, each ending now in one line and the right exit code:
 * a missing --pack, out-of-range options, an unwritable report, a full disk, twin pack ids, ids that are
 * names of object properties, FIFOs where a Dockerfile should be, colour asked off.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateCheck } from "../../src/checks/evaluate.js";
import { parseCheckList } from "../../src/checks/parse.js";
import { loadPacks } from "../../src/pack/sources.js";
import { junitXml } from "../../src/render/junit.js";
import { colorWanted } from "../../src/render/style.js";
import { runCli, stackTrace } from "../support/cli.js";
import { recordFigure } from "../support/figures.js";
import { fixturePacks } from "../support/paths.js";
import { recordedContext } from "../support/recorded-engine.js";

const run = promisify(execFile);
let dir: string;
let tried = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-small-"));
});
afterAll(async () => {
  recordFigure("small outside inputs", `${tried} tried, each one line and the right exit code`);
  await rm(dir, { recursive: true, force: true });
});

/** A pack with the given ids, written to a temp folder. */
async function writePack(name: string, packId: string, lessonId: string): Promise<string> {
  const pack = path.join(dir, name);
  await mkdir(pack, { recursive: true });
  await writeFile(
    path.join(pack, "pack.yaml"),
    `id: ${packId}\ntitle: {en: Odd ids}\nversion: 1.0.0\nlessons: [one.md]\n`,
  );
  await writeFile(
    path.join(pack, "one.md"),
    `---\nid: ${lessonId}\ntitle: Odd\nsummary: Odd ids.\nlevel: beginner\nminutes: 1\n---\n\n## Read {#read}\n\nText.\n`,
  );
  return pack;
}

async function oneLine(args: string[], code: number, env: NodeJS.ProcessEnv = {}): Promise<string> {
  tried++;
  const result = await runCli(args, { env: { DOCKER_TUTOR_HOME: dir, ...env }, cwd: dir });
  expect(result.stderr, args.join(" ")).not.toMatch(stackTrace);
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(code);
  return result.stderr.trim();
}

describe("small outside inputs", () => {
  it("refuses a --pack folder that does not exist", async () => {
    expect(await oneLine(["--pack", "/nonexistent", "list"], 2)).toBe(
      "docker-tutor: no pack folder at /nonexistent — check the path given to --pack",
    );
  });

  it("refuses solution timeouts and waits out of range before doing anything", async () => {
    for (const value of ["0", "1e9", "-1", "soon"])
      expect(await oneLine(["verify", "--solution-timeout", value], 2)).toMatch(
        /^docker-tutor: --solution-timeout takes a number of seconds from 1 to 86400/,
      );
    expect(await oneLine(["verify", "--check-wait", "99999"], 2)).toMatch(/--check-wait takes a number/);
  });

  it("says at once that a JUnit report cannot be written, not after the whole run", async () => {
    const started = Date.now();
    expect(await oneLine(["verify", "--junit", "/nonexistent/x.xml"], 2)).toBe(
      "docker-tutor: cannot write /nonexistent/x.xml (ENOENT) — give a path in a folder that exists and is writable",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("ends in one line when the output cannot be written (a full disk)", async () => {
    tried++;
    const cli = path.join(fixturePacks, "..", "..", "..", "dist", "cli.js");
    const result = await run("sh", ["-c", `node ${cli} lint > /dev/full`]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((result as { code: number }).code).toBe(2);
    expect((result as { stderr: string }).stderr).toBe("docker-tutor: cannot write the output (ENOSPC)\n");
  });

  it("reports two packs with the same id, and uses only the first", async () => {
    const first = await writePack("twin-one", "twins", "one");
    const second = await writePack("twin-two", "twins", "two");
    const { packs, results } = await loadPacks([first, second]);
    expect(packs.map((p) => p.dir)).toEqual([first]);
    expect(results[1]?.loaded.problems.map((p) => p.message)).toEqual([
      `pack id "twins" is already the id of the pack at ${first}: give this pack its own id`,
    ]);
    tried++;
    const list = await runCli(["--pack", first, "--pack", second, "list", "--json"], {
      env: { DOCKER_TUTOR_HOME: dir },
    });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).lessons.filter((l: { pack: string }) => l.pack === "twins")).toHaveLength(
      1,
    );
    expect(list.stderr).toContain("twins: 1 problem(s) in this pack");
  });

  it("lists, checks and keeps progress for packs and lessons whose ids are object property names", async () => {
    const odd = await writePack("odd-ids", "constructor", "constructor");
    tried++;
    const list = await runCli(["--pack", odd, "list", "--json"], { env: { DOCKER_TUTOR_HOME: dir } });
    expect(list.stderr).not.toMatch(stackTrace);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).lessons).toContainEqual(
      expect.objectContaining({ id: "constructor", pack: "constructor", status: "new" }),
    );
    await writeFile(
      path.join(dir, "progress.json"),
      JSON.stringify({
        version: 1,
        packs: {
          constructor: {
            lessons: { constructor: { started: "t", updated: "t", current: "read", steps: {} } },
          },
        },
      }),
    );
    const again = await runCli(["--pack", odd, "list", "--json"], { env: { DOCKER_TUTOR_HOME: dir } });
    expect(JSON.parse(again.stdout).lessons).toContainEqual(
      expect.objectContaining({ id: "constructor", status: "in-progress" }),
    );
  });

  it("reads no Dockerfile that is a FIFO (it would block for ever)", async () => {
    tried++;
    const workdir = await mkdtemp(path.join(dir, "fifo-"));
    await run("mkfifo", [path.join(workdir, "Dockerfile")]);
    const [check] = parseCheckList([{ dockerfile: "Dockerfile", from: "busybox" }]).checks;
    const result = await evaluateCheck(check as never, { ...recordedContext(), workdir });
    expect(result.message).toBe("Dockerfile is not a plain file; expected a Dockerfile");
  });

  it("keeps JUnit well-formed when output holds characters XML forbids", () => {
    const step = {
      id: "s", kind: "task" as const, negative: "failed-as-expected" as const, solution: "error" as const,
      positive: "fail" as const, ms: 1, timings: { negativeMs: 0, solutionMs: 0, positiveMs: 0 }, results: [],
      solutionRun: { exitCode: 1, output: "bad \uFFFE\uFFFF\u0000 bytes", timedOut: false, ms: 1 },
      failure: "the solution exited 1", engineError: false,
    }; // biome-ignore format: a record
    const xml = junitXml([
      {
        id: "l",
        pack: "p",
        steps: [step],
        leftovers: [],
        ms: 1,
        complete: true,
        refused: undefined,
        ok: false,
      },
    ]);
    for (const forbidden of ["\uFFFE", "\uFFFF", "\u0000"]) expect(xml).not.toContain(forbidden);
    expect(xml).toContain("bad  bytes");
  });

  it("takes FORCE_COLOR=0 as no colour", () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    expect(colorWanted(true, { FORCE_COLOR: "0" }, tty)).toBe(false);
    expect(colorWanted(true, { FORCE_COLOR: "1" }, { isTTY: false } as NodeJS.WriteStream)).toBe(true);
    expect(colorWanted(true, {}, tty)).toBe(true);
  });
});
