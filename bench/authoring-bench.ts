/**
 * Figures as an author feels them, for `npm run bench` (bundled on the fly by bench/run.mjs): the time
 * from saving a lesson file to `preview --watch` showing it again, in a pseudo-terminal: in a pack as
 * `new pack` makes it, and in a copy of the built-in pack (eight long lessons, all loaded and linted at
 * every save).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TerminalSession } from "../test/support/pty.js";

/** Saves `file` `runs` times with a new first step title; each time, ms from the write to the screen. */
async function savesToScreen(cli: string, cwd: string, args: string[], file: string, title: string, runs: number) {
  const t = new TerminalSession(args, { cwd, env: { DOCKER_TUTOR_HOME: path.join(cwd, "home") }, cli });
  const samples: number[] = [];
  try {
    await t.waitFor(title, 30_000);
    const text = readFileSync(file, "utf8");
    for (let i = 1; i <= runs; i++) {
      const started = performance.now();
      writeFileSync(file, text.replace(title, `${title} ${i}`));
      await t.waitFor(`${title} ${i} ·`, 10_000);
      samples.push(performance.now() - started);
    }
  } finally {
    t.kill();
  }
  return samples;
} // biome-ignore format: one signature

export async function previewWatch(cli: string, runs: number): Promise<{ smallMs: number[]; largeMs: number[] }> {
  const root = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-authoring-"));
  try {
    spawnSync(process.execPath, [cli, "new", "pack", "small", "--languages", "en"], { cwd: root, stdio: "ignore" });
    const small = path.join(root, "small");
    const smallMs = await savesToScreen(cli, root, ["preview", "first-lesson", "--pack", small, "--watch"], path.join(small, "first-lesson.md"), "Images and containers", runs);
    const large = path.join(root, "large");
    cpSync(path.join(path.dirname(cli), "..", "lessons"), large, { recursive: true });
    writeFileSync(path.join(large, "pack.yaml"), readFileSync(path.join(large, "pack.yaml"), "utf8").replace(/^id: .*$/m, "id: bench-large"));
    const largeMs = await savesToScreen(cli, root, ["preview", "bench-large/containers", "--pack", large, "--watch"], path.join(large, "containers.md"), "Foreground or background", runs);
    return { smallMs, largeMs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
} // biome-ignore format: one call per pack
