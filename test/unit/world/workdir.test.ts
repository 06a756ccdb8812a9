import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Lesson, Pack } from "../../../src/pack/model.js";
import { prepareWorkdir, removeWorkdir, resolveInWorkdir } from "../../../src/world/workdir.js";

let root: string;
let pack: Pack;
let lesson: Lesson;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-workdir-"));
  const files = path.join(root, "pack", "files", "demo");
  await mkdir(path.join(files, "app"), { recursive: true });
  await writeFile(path.join(files, "Dockerfile"), "FROM busybox\n");
  await writeFile(path.join(files, ".env"), "COMPOSE_PROJECT_NAME=tutor-demo\n");
  await writeFile(path.join(files, "app", "main.py"), "print(1)\n");
  await writeFile(path.join(root, "secret.txt"), "not the pack's");
  await symlink(path.join(root, "secret.txt"), path.join(files, "leak.txt"));
  await symlink(path.join(files, "Dockerfile"), path.join(files, "Dockerfile.link"));
  pack = { id: "p", dir: path.join(root, "pack") } as Pack;
  lesson = { id: "demo", filesDir: files } as Lesson;
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("lesson working folders", () => {
  it("copy the lesson's files, dotfiles too, but no link that leaves the pack", async () => {
    const base = path.join(root, "work");
    const { dir, created } = await prepareWorkdir(base, lesson, pack.dir);
    expect(created).toBe(true);
    expect((await readdir(dir)).sort()).toEqual([".env", "Dockerfile", "Dockerfile.link", "app"]);
    expect(await readFile(path.join(dir, "Dockerfile.link"), "utf8")).toBe("FROM busybox\n");
  });

  it("never overwrite what the learner edited", async () => {
    const base = path.join(root, "work");
    const { dir } = await prepareWorkdir(base, lesson, pack.dir);
    await writeFile(path.join(dir, "Dockerfile"), "FROM python:3.11-slim\n");
    expect((await prepareWorkdir(base, lesson, pack.dir)).created).toBe(false);
    expect(await readFile(path.join(dir, "Dockerfile"), "utf8")).toBe("FROM python:3.11-slim\n");
    expect(await removeWorkdir(base, lesson)).toBe(true);
    expect(await removeWorkdir(base, lesson)).toBe(false);
  });

  it("keep file checks inside the working folder", async () => {
    const dir = path.join(root, "pack");
    expect(await resolveInWorkdir(dir, "files/demo/Dockerfile")).toEqual({
      ok: true,
      path: path.join(dir, "files/demo/Dockerfile"),
    });
    expect(await resolveInWorkdir(dir, "../secret.txt")).toEqual({
      ok: false,
      why: "outside",
    });
    expect(await resolveInWorkdir(dir, "/etc/passwd")).toEqual({
      ok: false,
      why: "absolute",
    });
    expect(await resolveInWorkdir(dir, "files/demo/leak.txt")).toEqual({
      ok: false,
      why: "linkOutside",
    });
  });
});
