import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TutorError } from "../../../../src/errors.js";
import { translator } from "../../../../src/i18n/index.js";
import { loadPack } from "../../../../src/pack/load-pack.js";
import { formatProblem } from "../../../../src/pack/problem.js";
import { newLesson, newPack } from "../../../../src/run/scaffold/new.js";
import { repoRoot } from "../../../support/paths.js";

const t = translator("en");
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-new-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The pack's lint problems as `file:line:col: message`, and the pack. */
async function lint(dir: string) {
  const { pack, problems } = await loadPack(dir);
  return { pack, problems: problems.map((p) => formatProblem({ ...p, file: path.relative(dir, p.file) })) };
}

/** Every file under dir with its text, to show that a refusal wrote nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    names.map(async (e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(dir, file), await readFile(file, "utf8")] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

async function refusal(promise: Promise<unknown>): Promise<{ message: string; exitCode: number }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TutorError);
  const { message, exitCode } = error as TutorError;
  return { message, exitCode };
}

describe("new pack", () => {
  it("makes pack.yaml, a first lesson in each language and the schemas, and it all lints clean", async () => {
    const dir = path.join(root, "team-pack");
    const report = await newPack(dir, { version: "9.9.9" }, t);

    expect(report).toMatchObject({ made: "pack", packId: "team-pack", lessonId: "first-lesson" });
    expect(report.created.map((f) => path.relative(dir, f))).toEqual([
      "pack.yaml",
      "first-lesson.md",
      "first-lesson.fr.md",
      "schemas",
    ]);
    const files = await snapshot(dir);
    expect(Object.keys(files)).toEqual([
      "first-lesson.fr.md",
      "first-lesson.md",
      "pack.yaml",
      "schemas/checks.schema.json",
      "schemas/lesson-front-matter.schema.json",
      "schemas/pack.schema.json",
      "schemas/quiz.schema.json",
    ]);
    // The schemas are the package's own, byte for byte.
    for (const name of ["checks", "lesson-front-matter", "pack", "quiz"]) {
      const shipped = await readFile(path.join(repoRoot, "schemas", `${name}.schema.json`), "utf8");
      expect(files[`schemas/${name}.schema.json`]).toBe(shipped);
    }
    expect(files["pack.yaml"]?.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=./schemas/pack.schema.json",
    );
    expect(files["pack.yaml"]).toContain("docker-tutor 9.9.9");
    expect(files["first-lesson.md"]?.split("\n").slice(0, 2)).toEqual([
      "---",
      "# yaml-language-server: $schema=./schemas/lesson-front-matter.schema.json",
    ]);
    expect(files["first-lesson.fr.md"]).not.toContain("yaml-language-server");

    const { pack, problems } = await lint(dir);
    expect(problems).toEqual([]);
    const lesson = pack?.lessons[0];
    expect(pack?.languages).toEqual(["en", "fr"]);
    expect(lesson?.steps.map((s) => s.kind)).toEqual(["read", "quiz", "task"]);
    expect(lesson?.meta.images).toEqual(["busybox:latest"]);
    expect(lesson?.meta.resources.containers).toEqual(["team-pack-first-lesson"]);
    expect(lesson?.steps[2]?.solution?.script.trim()).toBe(
      'docker run --name team-pack-first-lesson busybox:latest echo "Hello from busybox"',
    );
    expect(lesson?.text.fr?.title).toBe("Lancer un premier conteneur");
    expect(lesson?.text.en?.steps["run-a-container"]?.hints).toHaveLength(3);
    expect(lesson?.text.fr?.steps["run-a-container"]?.hints).toHaveLength(3);
  });

  it("takes an id, a first lesson and languages; a language without words gets English, marked", async () => {
    const dir = path.join(root, "Some Folder");
    await newPack(dir, { id: "course", lesson: "intro", languages: "fr,de,en", version: "1.0.0" }, t);
    const files = await snapshot(dir);
    expect(Object.keys(files).filter((f) => f.endsWith(".md"))).toEqual([
      "intro.de.md",
      "intro.en.md",
      "intro.md",
    ]);
    // The primary file is French and holds the checks; the German one is English, marked as such.
    expect(files["intro.md"]).toContain("title: Lancer un premier conteneur");
    expect(files["intro.md"]).toContain("```check\n- container: course-intro");
    expect(files["intro.de.md"]).toContain("# To translate into de: this text is still the English one.");
    expect(files["intro.de.md"]).toContain("title: Run a first container");
    expect(files["intro.en.md"]).not.toContain("To translate");
    expect(files["pack.yaml"]).toContain("language: fr");
    expect(files["pack.yaml"]).toMatch(/ {2}de: My Docker lessons {2}# To translate into de/);
    expect(files["pack.yaml"]).toContain("# un titre par langue que le pack promet");
    const { pack, problems } = await lint(dir);
    expect(problems).toEqual([]);
    expect(pack?.languages).toEqual(["fr", "de", "en"]);
  });

  it("refuses a folder that is not empty or not a folder, and bad ids or languages, writing nothing", async () => {
    const full = path.join(root, "full");
    await mkdir(full);
    await writeFile(path.join(full, "notes.txt"), "mine");
    expect(await refusal(newPack(full, { version: "1.0.0" }, t))).toEqual({
      message: `${full} is not empty`,
      exitCode: 1,
    });
    expect(await snapshot(full)).toEqual({ "notes.txt": "mine" });
    const file = path.join(full, "notes.txt");
    expect(await refusal(newPack(file, { version: "1.0.0" }, t))).toEqual({
      message: `${file} exists and is not a folder`,
      exitCode: 1,
    });
    const below = path.join(file, "pack");
    expect(await refusal(newPack(below, { version: "1.0.0" }, t))).toEqual({
      message: `cannot write ${below} (ENOTDIR)`,
      exitCode: 2,
    });

    const fresh = path.join(root, "fresh");
    for (const [options, message] of [
      [{ id: "Bad_Id" }, '"Bad_Id" cannot be a pack id'],
      [{ lesson: "First Lesson" }, '"First Lesson" is not a lesson id'],
      [{ languages: "en,english" }, '"en,english" is not a list of languages'],
      [{ languages: "en,fr,en" }, '"en,fr,en" is not a list of languages'],
    ] as const) {
      expect(await refusal(newPack(fresh, { ...options, version: "1.0.0" }, t))).toEqual({
        message,
        exitCode: 2,
      });
    }
    expect(await refusal(newPack(path.join(root, "My_Pack"), { version: "1.0.0" }, t))).toEqual({
      message: '"My_Pack" cannot be a pack id',
      exitCode: 2,
    });
    expect(await readdir(root)).toEqual(["full"]);
  });
});

/** The README's pack.yaml, with comments aligned by hand. */
const handWritten = `# yaml-language-server: $schema=../schemas/pack.schema.json
id: my-pack               # lowercase letters, digits, dashes
title:                     # one title per language the pack promises
  en: Docker for our team
  fr: 'Docker pour notre équipe'

version: 1.0.0
language: en               # language of the primary lesson files (default en)
lessons:                   # lesson files, in teaching order, inside the pack
  - first-lesson.md   # the first one
# more to come
`;

describe("new lesson", () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(root, "my-pack");
    await newPack(dir, { version: "1.0.0" }, t);
  });

  it("adds the lesson in every language and lists it in pack.yaml, the rest of the file as it was", async () => {
    await writeFile(path.join(dir, "pack.yaml"), handWritten);
    const report = await newLesson(dir, "volumes", t);

    expect(report).toMatchObject({ made: "lesson", packId: "my-pack", lessonId: "volumes" });
    expect(report.created.map((f) => path.basename(f))).toEqual(["volumes.md", "volumes.fr.md"]);
    expect(report.updated).toBe(path.join(dir, "pack.yaml"));
    expect(await readFile(path.join(dir, "pack.yaml"), "utf8")).toBe(
      handWritten.replace("  - first-lesson.md   # the first one\n", "$&  - volumes.md\n"),
    );
    // The modeline follows pack.yaml's: the front matter schema beside the pack schema.
    expect(await readFile(path.join(dir, "volumes.md"), "utf8")).toContain(
      "---\n# yaml-language-server: $schema=../schemas/lesson-front-matter.schema.json\n",
    );
    const { pack, problems } = await lint(dir);
    expect(problems).toEqual([]);
    expect(pack?.lessons.map((l) => [l.id, l.meta.resources.containers])).toEqual([
      ["first-lesson", ["my-pack-first-lesson"]],
      ["volumes", ["my-pack-volumes"]],
    ]);
  });

  it("writes through a pack.yaml that is a symlink, leaving the link a link", async () => {
    const real = path.join(root, "real-pack.yaml");
    await rename(path.join(dir, "pack.yaml"), real);
    await symlink(real, path.join(dir, "pack.yaml"));
    await newLesson(dir, "linked", t);
    expect((await lstat(path.join(dir, "pack.yaml"))).isSymbolicLink()).toBe(true);
    expect(await readFile(real, "utf8")).toMatch(/- first-lesson\.md\n {2}- linked\.md\n$/);
  });

  it("leaves the modeline out when pack.yaml has none", async () => {
    const manifest = path.join(dir, "pack.yaml");
    await writeFile(manifest, (await readFile(manifest, "utf8")).replace(/^# yaml-language-server.*\n/, ""));
    await newLesson(dir, "second", t);
    expect(await readFile(path.join(dir, "second.md"), "utf8")).toMatch(/^---\n# Made by `docker-tutor new`/);
    expect((await lint(dir)).problems).toEqual([]);
  });

  it("refuses an id the pack has, a file or entry that exists, a bad id and a missing pack, writing nothing", async () => {
    await rm(path.join(dir, "schemas"), { recursive: true });
    await writeFile(path.join(dir, "stray.fr.md"), "mine");
    const before = await snapshot(dir);
    const cases: [() => Promise<unknown>, string, number][] = [
      [
        () => newLesson(dir, "first-lesson", t),
        'pack my-pack already has a lesson "first-lesson" (first-lesson.md)',
        1,
      ],
      [() => newLesson(dir, "stray", t), `stray.fr.md already exists in ${dir}`, 1],
      [() => newLesson(dir, "Stray", t), '"Stray" is not a lesson id', 2],
      [() => newLesson(dir, "-stray", t), '"-stray" is not a lesson id', 2],
      [
        () => newLesson(path.join(root, "nowhere"), "x", t),
        `no pack folder at ${path.join(root, "nowhere")}`,
        2,
      ],
      [() => newLesson(root, "x", t), `no pack.yaml in ${root}`, 2],
    ];
    for (const [attempt, message, exitCode] of cases)
      expect(await refusal(attempt()), message).toEqual({ message, exitCode });
    expect(await snapshot(dir)).toEqual(before);

    // An entry pack.yaml lists, though its file is missing.
    const listed = `${before["pack.yaml"]}  - later.md\n`;
    await writeFile(path.join(dir, "pack.yaml"), listed);
    expect(await refusal(newLesson(dir, "later", t))).toEqual({
      message: "pack.yaml already lists later.md",
      exitCode: 1,
    });
    // A pack.yaml that does not parse.
    await writeFile(path.join(dir, "pack.yaml"), "id: [unclosed\n");
    expect(await refusal(newLesson(dir, "later", t))).toEqual({
      message: `the pack.yaml in ${dir} cannot be used`,
      exitCode: 1,
    });
    expect(await snapshot(dir)).toEqual({ ...before, "pack.yaml": "id: [unclosed\n" });
  });
});
