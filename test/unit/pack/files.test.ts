import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText } from "../../../src/pack/files.js";
import { loadPack } from "../../../src/pack/load-pack.js";
import { formatProblem } from "../../../src/pack/problem.js";

describe("decoding pack files", () => {
  it("accepts UTF-8 text", () => {
    expect(decodeText(Buffer.from("héllo\nwörld"))).toEqual({ ok: true, text: "héllo\nwörld" });
  });

  it("places the first invalid UTF-8 byte", () => {
    const bytes = Buffer.concat([Buffer.from("line one\nline two é\nab"), Buffer.from([0xff, 0x41])]);
    expect(decodeText(bytes)).toEqual({
      ok: false,
      at: { line: 3, column: 3 },
      message: "the file is not valid UTF-8: save it as UTF-8",
    });
  });

  it("refuses binary data and says where", () => {
    expect(decodeText(Buffer.from("ab\ncd\0ef"))).toMatchObject({ ok: false, at: { line: 2, column: 3 } });
  });
});

describe("packs that try to leave their folder", () => {
  let root: string;
  const lesson = (extra = "") =>
    `---\nid: l\ntitle: L\nsummary: S\nlevel: beginner\nminutes: 1\n${extra}---\n\n## Step {#step}\n\nText.\n`;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-pack-"));
    await mkdir(path.join(root, "pack"));
    await writeFile(path.join(root, "secret.md"), lesson());
    await mkdir(path.join(root, "outside-files"));
    await symlink(path.join(root, "secret.md"), path.join(root, "pack", "linked.md"));
    await symlink(path.join(root, "outside-files"), path.join(root, "pack", "files-link"));
    await writeFile(path.join(root, "pack", "big.md"), "x".repeat(1024 * 1024 + 1));
    await writeFile(path.join(root, "pack", "files.md"), lesson("files: files-link\n"));
    await writeFile(
      path.join(root, "pack", "pack.yaml"),
      "id: p\ntitle: { en: P }\nversion: 1.0.0\nlessons: [linked.md, big.md, files.md, /etc/passwd.md]\n",
    );
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("does not follow symlinks out of the pack, and refuses huge and absolute files", async () => {
    const { problems } = await loadPack(path.join(root, "pack"));
    const lines = problems.map((p) => formatProblem({ ...p, file: path.relative(root, p.file) }));
    expect(lines).toEqual([
      "pack/big.md:1:1: file is too large (1.0 MB; a pack file is at most 1 MB)",
      'pack/files.md:7:8: files: "files-link" is a symlink that leads outside the pack',
      'pack/pack.yaml:4:11: lesson "linked.md" is a symlink that leads outside the pack',
      'pack/pack.yaml:4:40: lesson "/etc/passwd.md" is absolute: use a path inside the pack',
    ]);
  });
});
