/** Small packs written to a temporary folder and loaded, for the unit tests of lint rules. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadPack } from "../../src/pack/load-pack.js";
import { formatProblem } from "../../src/pack/problem.js";

const defaultManifest = (lessons: string[]) =>
  [
    "id: test-pack",
    "title:",
    "  en: A test pack",
    "version: 1.0.0",
    "lessons:",
    ...lessons.map((l) => `  - ${l}`),
  ].join("\n");

/**
 * Writes `files` (path → text) as a pack and lints it; the problems come back as `file:line:col: message`
 * with paths relative to the pack. Without a pack.yaml, one lists every top-level `.md` file but translations.
 */
export async function lintFiles(files: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-lint-"));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    if (!files["pack.yaml"]) {
      const lessons = Object.keys(files).filter((f) => /^[^/]+(?<!\.[a-z]{2})\.md$/.test(f));
      await writeFile(path.join(dir, "pack.yaml"), defaultManifest(lessons));
    }
    const { problems } = await loadPack(dir);
    return problems.map((p) => formatProblem({ ...p, file: path.relative(dir, p.file) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A lesson file: front matter with `head` lines added (line 7 on), then `body`. */
export function lessonText(head: string[], body: string): string {
  return [
    "---",
    "id: lesson",
    "title: A lesson",
    "summary: For a test.",
    "level: beginner",
    "minutes: 5",
    ...head,
    "---",
    "",
    body,
  ].join("\n");
}

/** A task step with the given check block and solution, and a hint. */
export function taskStep(id: string, check: string, solution: string): string {
  return [
    `## Step ${id} {#${id}}`,
    "",
    "```check",
    check,
    "```",
    "",
    "```hint",
    "A hint.",
    "```",
    "",
    "```solution",
    solution,
    "```",
    "",
  ].join("\n");
}
