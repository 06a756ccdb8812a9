import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackTrace } from "../support/cli.js";

let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-new-e2e-"));
  env = { DOCKER_TUTOR_HOME: path.join(root, "home"), XDG_CACHE_HOME: path.join(root, "cache"), LANG: "C" };
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("`new pack` and `new lesson`, then `lint`", () => {
  it("makes a pack and two more lessons that lint clean", async () => {
    const made = await runCli(["new", "pack", "course", "--id", "tutor-e2e"], { cwd: root, env });
    expect(made).toMatchObject({ code: 0, stderr: "" });
    expect(made.stdout).toContain("Made pack tutor-e2e in course:\n  course/pack.yaml\n");

    // The pack as --pack, before or after the command, or as the current folder.
    const pack = path.join(root, "course");
    for (const [args, cwd] of [
      [["new", "lesson", "volumes", "--pack", "course"], root],
      [["--pack", "course", "new", "lesson", "networks"], root],
      [["new", "lesson", "images"], pack],
    ] as const) {
      const result = await runCli([...args], { cwd, env });
      expect(result, args.join(" ")).toMatchObject({ code: 0, stderr: "" });
    }
    expect((await readdir(pack)).filter((f) => f.endsWith(".md")).sort()).toEqual([
      "first-lesson.fr.md", "first-lesson.md", "images.fr.md", "images.md", "networks.fr.md",
      "networks.md", "volumes.fr.md", "volumes.md",
    ]); // biome-ignore format: a list of names
    expect(await readFile(path.join(pack, "pack.yaml"), "utf8")).toMatch(
      /\n {2}- first-lesson\.md\n {2}- volumes\.md\n {2}- networks\.md\n {2}- images\.md\n$/,
    );

    const lint = await runCli(["lint", "course"], { cwd: root, env });
    expect(lint).toMatchObject({ code: 0, stderr: "", stdout: "1 pack(s), 4 lesson(s): no problems\n" });
    const json = await runCli(["lint", "--json", pack], { env });
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, problems: [] });
  });

  it("refuses in one line, with the exit code of the reason, and writes nothing", async () => {
    const before = (await readdir(root, { recursive: true })).sort();
    const cases: [string[], number, string][] = [
      [["new", "pack", "course"], 1, "docker-tutor: course is not empty — give a new or empty folder"],
      [["new", "lesson", "volumes", "--pack", "course"], 1, 'pack tutor-e2e already has a lesson "volumes"'],
      [["new", "lesson", "Volumes", "--pack", "course"], 2, '"Volumes" is not a lesson id'],
      [["new", "lesson", "x", "--pack", "missing"], 2, "no pack folder at missing"],
      [["new", "lesson", "x"], 2, `no pack.yaml in ${root}`],
      [["--lang", "fr", "new", "lesson", "volumes", "--pack", "course"], 1, "a déjà une leçon « volumes »"],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args, { cwd: root, env });
      expect(result.code, args.join(" ")).toBe(code);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(message);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(stackTrace);
    }
    expect((await readdir(root, { recursive: true })).sort()).toEqual(before);
  });
});
