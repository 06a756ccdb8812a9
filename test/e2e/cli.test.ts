import { execFile } from "node:child_process";
import { copyFile, cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace } from "../support/cli.js";
import { fixturePacks, repoRoot } from "../support/paths.js";

const run = promisify(execFile);
let home: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-home-"));
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe("`list`, from the pack cache in one small file, else through the full program", () => {
  it("says the same on a first run (nothing cached) as on later runs, as text and as JSON", async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-home-"));
    try {
      const env = {
        DOCKER_TUTOR_HOME: fresh,
        XDG_CACHE_HOME: path.join(fresh, "cache"),
        LANG: "fr_FR.UTF-8",
      };
      for (const args of [["list"], ["list", "--json"]]) {
        const first = await runCli(args, { env });
        const later = await runCli(args, { env });
        expect(first).toMatchObject({ code: 0, stderr: "" });
        expect(later).toMatchObject({ code: 0, stderr: "", stdout: first.stdout });
      }
      expect((await runCli(["list"], { env })).stdout).toContain("Qu'est-ce que Docker");
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it("needs nothing but dist/quick.js once the packs are cached", async () => {
    // A copy of the package without the main bundle's chunks: a cached `list` still answers.
    const copy = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-quick-"));
    try {
      await cp(path.join(repoRoot, "dist"), path.join(copy, "dist"), { recursive: true });
      await cp(path.join(repoRoot, "lessons"), path.join(copy, "lessons"), { recursive: true });
      await copyFile(path.join(repoRoot, "package.json"), path.join(copy, "package.json"));
      const env = {
        ...process.env,
        NO_COLOR: "1",
        DOCKER_TUTOR_HOME: path.join(copy, "home"),
        XDG_CACHE_HOME: path.join(copy, "cache"),
      };
      const cli = path.join(copy, "dist", "cli.js");
      await run(process.execPath, [cli, "list"], { env }); // fills the pack cache
      await rm(path.join(copy, "dist", "chunks"), { recursive: true });
      const { stdout } = await run(process.execPath, [cli, "list"], { env });
      expect(stdout).toContain("What Docker is");
      // Anything else needs the program, and so the chunks.
      await expect(run(process.execPath, [cli, "list", "--no-color"], { env })).rejects.toThrow();
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe("the built CLI", () => {
  it("prints its version", async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("lists the built-in lessons as JSON", async () => {
    const result = await runCli(["list", "--json"], { env: { DOCKER_TUTOR_HOME: home } });
    expect(result.code).toBe(0);
    const { lessons } = JSON.parse(result.stdout);
    expect(lessons[0]).toMatchObject({
      id: "what-is-docker",
      pack: "docker-basics",
      title: "What Docker is",
      languages: ["en", "fr"],
      status: "new",
    });
    for (const lesson of lessons)
      expect(Object.keys(lesson)).toEqual([
        "id",
        "pack",
        "title",
        "languages",
        "steps",
        "tasks",
        "quizzes",
        "status",
      ]);
  });

  it("lists in French when asked", async () => {
    const result = await runCli(["--lang", "fr", "list"], { env: { DOCKER_TUTOR_HOME: home } });
    expect(result.stdout).toContain("Qu'est-ce que Docker ?");
    expect(result.stdout).toContain("nouvelle");
  });

  it("lints the built-in pack clean, and exits 0", async () => {
    const result = await runCli(["lint"]);
    expect(result.stdout).toMatch(/^1 pack\(s\), \d+ lesson\(s\): no problems$/m);
    expect(result.code).toBe(0);
  });

  it("lints a broken pack: file:line:col lines, exit 1, no stack trace", async () => {
    const result = await runCli(["lint", path.join(fixturePacks, "broken")], { cwd: repoRoot });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(
      lines.slice(0, -1).every((l) => /^test\/fixtures\/packs\/broken\/[\w./-]+:\d+:\d+: /.test(l)),
    ).toBe(true);
    expect(lines.at(-1)).toBe("14 error(s), 0 warning(s)");
    expect(result.stdout + result.stderr).not.toMatch(stackTrace);
  });

  it("lints as JSON", async () => {
    const result = await runCli(["lint", "--json", path.join(fixturePacks, "broken")], { cwd: repoRoot });
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(14);
    expect(report.problems[0]).toEqual({
      file: "test/fixtures/packs/broken/escape.md",
      line: 7,
      column: 8,
      severity: "error",
      message: 'files: "../../../../../etc" points outside the pack',
    });
  });

  it("says what is wrong with a missing pack folder, in one line", async () => {
    const result = await runCli(["lint", "/nonexistent/pack"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\/nonexistent\/pack:1:1: no such pack folder$/m);
    expect(result.stderr).toBe("");
  });

  it("rejects bad usage with exit 2 and no stack trace", async () => {
    for (const args of [["--lang", "de", "list"], ["frobnicate"], ["list", "--bogus"]]) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/^error: /);
      expect(result.stderr).not.toMatch(stackTrace);
    }
  });

  it("adds packs from --pack and DOCKER_TUTOR_PACKS", async () => {
    const twin = path.join(fixturePacks, "broken");
    const viaFlag = await runCli(["--pack", twin, "list", "--json"], { env: { DOCKER_TUTOR_HOME: home } });
    const viaEnv = await runCli(["list", "--json"], {
      env: { DOCKER_TUTOR_HOME: home, DOCKER_TUTOR_PACKS: twin },
    });
    for (const result of [viaFlag, viaEnv]) {
      const ids = JSON.parse(result.stdout).lessons.map(
        (l: { pack: string; id: string }) => `${l.pack}/${l.id}`,
      );
      expect(ids).toContain("broken/mistakes");
      expect(ids).toContain("docker-basics/what-is-docker");
      expect(result.stderr).toMatch(
        /broken: 14 problem\(s\) in this pack; run `docker-tutor lint .*broken` to see them/,
      );
    }
  });
});
