import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPack } from "../../../src/pack/load-pack.js";
import { formatProblem } from "../../../src/pack/problem.js";
import { prepareWorkdir } from "../../../src/world/workdir.js";

let root: string;
let packDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-links-"));
  packDir = path.join(root, "pack");
  await mkdir(path.join(packDir, "files", "demo", "app"), { recursive: true });
  await writeFile(
    path.join(packDir, "pack.yaml"),
    "id: links\ntitle: {en: Links, fr: Liens}\nversion: 1.0.0\nlessons: [demo.md]\n",
  );
  const lesson =
    "---\nid: demo\ntitle: Demo\nsummary: Links.\nlevel: beginner\nminutes: 1\nfiles: files/demo\n---\n\n## Read {#read}\n\nText.\n";
  await writeFile(path.join(packDir, "demo.md"), lesson);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const problemsOf = async () =>
  (await loadPack(packDir)).problems.map((p) =>
    formatProblem({ ...p, file: path.relative(packDir, p.file) }),
  );

describe("links in a pack", () => {
  it("refuses a link loop inside files:, with file:line, and never copies it", async () => {
    await writeFile(
      path.join(packDir, "demo.fr.md"),
      "---\nid: demo\ntitle: Démo\nsummary: Liens.\n---\n\n## Lire {#read}\n\nTexte.\n",
    );
    await symlink(path.join(packDir, "files", "demo"), path.join(packDir, "files", "demo", "app", "again"));
    expect(await problemsOf()).toEqual([
      "demo.md:7:8: files: files/demo/app/again links back to a folder above it (a loop): remove the link",
    ]);
    // Even handed such a folder, the working folder gets each file once and stops.
    const base = path.join(root, "work");
    await prepareWorkdir(base, { id: "demo", filesDir: path.join(packDir, "files", "demo") }, packDir);
    expect(await readdir(path.join(base, "demo", "app"))).toEqual([]);
  });

  it("refuses a translation that is a link out of the pack, and does not read it", async () => {
    const outside = path.join(root, "stolen.fr.md");
    await writeFile(outside, "---\nid: demo\ntitle: SECRET\nsummary: x\n---\n\n## Lire {#read}\n\nSECRET\n");
    await symlink(outside, path.join(packDir, "demo.fr.md"));
    const { pack, problems } = await loadPack(packDir);
    expect(problems.map((p) => formatProblem({ ...p, file: path.relative(packDir, p.file) }))).toEqual([
      'demo.fr.md:1:1: translation "demo.fr.md" is a symlink that leads outside the pack',
      "demo.md:1:1: missing translation: no demo.fr.md (the pack promises fr)",
    ]);
    expect(JSON.stringify(pack)).not.toContain("SECRET");
  });
});
