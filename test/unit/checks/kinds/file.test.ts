/** `file:` checks on real files in a temporary working folder: no engine. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckContext } from "../../../../src/checks/check-context.js";
import { fileKind } from "../../../../src/checks/kinds/file.js";
import { fails, filesOnlyContext, inWords, parseAs, passes } from "../../../support/checks.js";

let root: string;
let ctx: CheckContext;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-file-check-"));
  const workdir = path.join(root, "work");
  const outside = path.join(root, "outside");
  await mkdir(path.join(workdir, "site"), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(workdir, "notes.txt"), "hello world\nversion: 2\n");
  await writeFile(path.join(workdir, "empty.txt"), "");
  await writeFile(path.join(workdir, "commented.dockerignore"), "# secrets.env\n*.pyc\n");
  await writeFile(path.join(workdir, "anchored.dockerignore"), "/secrets.env\n**/*.pyc\n!keep.pyc\n");
  await writeFile(path.join(workdir, "..notes"), "dots\n");
  await writeFile(path.join(outside, "secret.txt"), "not the lesson's\n");
  await symlink(outside, path.join(workdir, "outside"));
  ctx = filesOnlyContext(workdir);
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("file check, its label and references", () => {
  it("names the file, and no engine resource", () => {
    const check = parseAs(fileKind, `- { file: app/Dockerfile, contains: FROM }`);
    expect(fileKind.label(check)).toBe("file app/Dockerfile");
    expect(fileKind.references(check)).toEqual([]);
  });
});

describe("file check in the working folder", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    expect(await fileKind.evaluate(parseAs(fileKind, `- file: notes.txt`), ctx)).toMatchObject({
      passed: true,
    });
  });

  it("finds a file and reads it with contains and matches", async () => {
    await passes(`- file: notes.txt`, ctx);
    await passes(`- { file: notes.txt, contains: hello }`, ctx);
    await passes(`- { file: notes.txt, matches: '^version: \\d+$' }`, ctx);
    expect(await fails(`- { file: notes.txt, contains: goodbye }`, ctx)).toBe(
      `file notes.txt ends with "version: 2"; expected it to contain "goodbye"`,
    );
    expect(await fails(`- { file: notes.txt, matches: '^version: 3$' }`, ctx)).toBe(
      `file notes.txt ends with "version: 2"; expected it to match /^version: 3$/`,
    );
    expect(await fails(`- { file: empty.txt, contains: hello }`, ctx)).toBe(
      `file empty.txt is empty; expected it to contain "hello"`,
    );
  });

  it("tells a missing file from one that should not exist, and a folder from a file", async () => {
    expect(await fails(`- file: missing.txt`, ctx)).toBe(
      "file missing.txt does not exist; expected it to exist",
    );
    await passes(`- { file: missing.txt, exists: false }`, ctx);
    expect(await fails(`- { file: notes.txt, exists: false }`, ctx)).toBe(
      "file notes.txt exists; expected it not to exist",
    );
    await passes(`- file: site`, ctx);
    expect(await fails(`- { file: site, contains: hello }`, ctx)).toBe(
      "file site is a folder; expected a file",
    );
  });

  // `..notes` is a name inside the folder, not a step out of it.
  it("reads a file whose name starts with two dots", async () => {
    await passes(`- file: ..notes`, ctx);
  });

  it("refuses paths that leave the working folder", async () => {
    expect(await fails(`- file: ../x`, ctx)).toBe("../x points outside the lesson's working folder");
    expect(await fails(`- file: /etc/hostname`, ctx)).toBe(
      "/etc/hostname is absolute; checks read inside the lesson's working folder only",
    );
    expect(await fails(`- file: outside/secret.txt`, ctx)).toBe(
      "outside/secret.txt is a link that leads outside the lesson's working folder",
    );
  });
});

describe("file check read as a .dockerignore (excludes)", () => {
  it("does not count a commented pattern (dockerfile#dockerignore)", async () => {
    expect(await fails(`- { file: commented.dockerignore, excludes: [secrets.env] }`, ctx)).toBe(
      "file commented.dockerignore leaves secrets.env in the build context; expected a pattern that leaves secrets.env out",
    );
  });

  it("anchors patterns at the context root, as the builder does", async () => {
    // `*.pyc` leaves out app.pyc at the root only; `**/*.pyc` every one of them.
    await passes(`- { file: commented.dockerignore, excludes: [app.pyc] }`, ctx);
    expect(await fails(`- { file: commented.dockerignore, excludes: [lib/app.pyc] }`, ctx)).toBe(
      "file commented.dockerignore leaves lib/app.pyc in the build context; expected a pattern that leaves lib/app.pyc out",
    );
    expect(
      await passes(
        `- { file: anchored.dockerignore, excludes: [secrets.env, app.pyc, lib/deep/app.pyc] }`,
        ctx,
      ),
    ).toBe(
      "file anchored.dockerignore leaves secrets.env, app.pyc and lib/deep/app.pyc out of the build context (read as a .dockerignore)",
    );
    // The last pattern that matches decides: `!keep.pyc` brings it back.
    expect(await fails(`- { file: anchored.dockerignore, excludes: [keep.pyc] }`, ctx)).toBe(
      "file anchored.dockerignore leaves keep.pyc in the build context; expected a pattern that leaves keep.pyc out",
    );
  });
});

describe("file check in words", () => {
  it("says what the file must hold, or that it must not exist, in English and in French", () => {
    expect(inWords("- file: notes.txt\n  contains: milk\n  matches: '^v\\d+'")).toBe(
      'file notes.txt contains "milk" and matches /^v\\d+/',
    );
    expect(inWords("- file: notes.txt\n  contains: milk", "fr")).toBe(
      "le fichier notes.txt contient « milk »",
    );
    expect(inWords("- file: notes.txt")).toBe("file notes.txt exists");
    expect(inWords("- file: .dockerignore\n  excludes: [secrets.env, lib/app.pyc]")).toBe(
      "file .dockerignore leaves secrets.env and lib/app.pyc out of the build context (read as a .dockerignore)",
    );
    expect(inWords("- file: .dockerignore\n  excludes: [secrets.env]", "fr")).toBe(
      "le fichier .dockerignore laisse secrets.env hors du contexte de build (lu comme un .dockerignore)",
    );
    expect(inWords("- file: notes.txt\n  exists: false", "fr")).toBe("le fichier notes.txt n'existe pas");
  });
});
