import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../src/pack/load-pack.js";
import { formatProblem } from "../../src/pack/problem.js";
import { stackTrace } from "../support/cli.js";
import { recordFigure } from "../support/figures.js";
import { cliPath, repoRoot } from "../support/paths.js";

const run = promisify(execFile);
const inputs = 2000;
const batchSize = 100;

/** A small deterministic generator, so a failing input can be made again from its number. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

type Files = Record<string, string | Buffer>;

/** One way of breaking a pack: it gets the pack's files and a random source, and changes them. */
type Mutation = (files: Files, rnd: () => number, dir: string) => Promise<void> | void;

const text = (f: string | Buffer | undefined) => (typeof f === "string" ? f : (f?.toString("latin1") ?? ""));
const pick = <T>(items: T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)] as T;

const mutations: Record<string, Mutation> = {
  "truncated YAML": (files, rnd) => {
    const name = pick(["pack.yaml", "lesson.md", "lesson.fr.md"], rnd);
    const content = text(files[name]);
    files[name] = content.slice(0, Math.floor(rnd() * content.length));
  },
  "wrong types": (files, rnd) => {
    const value = pick(["[1, 2]", "{a: b}", "42", "null", "true", '""', "- x\n  - y"], rnd);
    const field = pick(["id", "title", "level", "minutes", "images", "resources", "requires", "files"], rnd);
    files["lesson.md"] = text(files["lesson.md"]).replace(
      new RegExp(`^${field}:.*$`, "m"),
      `${field}: ${value}`,
    );
  },
  "wrong types in pack.yaml": (files, rnd) => {
    const field = pick(["id", "title", "version", "lessons", "language"], rnd);
    const value = pick(["[1, 2]", "{a: b}", "42", "null", "~", "[../x.md]"], rnd);
    files["pack.yaml"] = text(files["pack.yaml"]).replace(
      new RegExp(`^${field}:.*$`, "m"),
      `${field}: ${value}`,
    );
  },
  "huge values": (files, rnd) => {
    const big = "x".repeat(200_000 + Math.floor(rnd() * 300_000));
    files["lesson.md"] = text(files["lesson.md"]).replace(/^title:.*$/m, `title: ${big}`);
  },
  "deep nesting": (files, rnd) => {
    const depth = 1000 + Math.floor(rnd() * 20_000);
    const nested = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const where = pick(["front", "check"], rnd);
    if (where === "front")
      files["lesson.md"] = text(files["lesson.md"]).replace(/^images:.*$/m, `images: ${nested}`);
    else
      files["lesson.md"] = text(files["lesson.md"]).replace(
        "```check\n",
        `\`\`\`check\n- container: ${nested}\n`,
      );
  },
  "binary bytes": (files, rnd) => {
    const content = Buffer.from(text(files["lesson.md"]), "utf8");
    for (let i = 0; i < 20; i++) content[Math.floor(rnd() * content.length)] = Math.floor(rnd() * 256);
    files["lesson.md"] = content;
  },
  "invalid UTF-8": (files, rnd) => {
    const content = Buffer.from(text(files["lesson.fr.md"]), "utf8");
    const at = Math.floor(rnd() * content.length);
    files["lesson.fr.md"] = Buffer.concat([
      content.subarray(0, at),
      Buffer.from([0xc3, 0x28, 0xff]),
      content.subarray(at),
    ]);
  },
  "duplicate ids": (files, rnd) => {
    const lesson = text(files["lesson.md"]);
    if (rnd() < 0.5) files["lesson.md"] = lesson.replace("{#first-container}", "{#recap}");
    else {
      files["twin.md"] = lesson;
      files["pack.yaml"] = `${text(files["pack.yaml"])}  - twin.md\n`;
    }
  },
  "10 MB file": (files, rnd) => {
    files[pick(["lesson.md", "pack.yaml"], rnd)] = Buffer.alloc(10 * 1024 * 1024, 0x61);
  },
  "symlink out of the pack": async (files, rnd, dir) => {
    delete files["lesson.fr.md"];
    await symlink(
      pick(["/etc/passwd", "/dev/zero", "/nonexistent", "/etc"], rnd),
      path.join(dir, "lesson.fr.md"),
    );
  },
  "../ paths": (files, rnd) => {
    const target = pick(["../../../../etc/passwd.md", "../outside.md", "/etc/hosts.md", "./../x.md"], rnd);
    if (rnd() < 0.5) files["pack.yaml"] = `${text(files["pack.yaml"])}  - ${target}\n`;
    else
      files["lesson.md"] = text(files["lesson.md"]).replace(
        /^minutes:.*$/m,
        (m) => `${m}\nfiles: ${target.replace(/\.md$/, "")}`,
      );
  },
  "random byte flips": (files, rnd) => {
    const name = pick(["pack.yaml", "lesson.md"], rnd);
    const content = Buffer.from(text(files[name]), "latin1");
    for (let i = 0; i < 1 + Math.floor(rnd() * 8); i++)
      content[Math.floor(rnd() * content.length)] = Math.floor(rnd() * 128);
    files[name] = content;
  },
  "lines removed or repeated": (files, rnd) => {
    const lines = text(files["lesson.md"]).split("\n");
    const at = Math.floor(rnd() * lines.length);
    if (rnd() < 0.5) lines.splice(at, 1 + Math.floor(rnd() * 5));
    else lines.splice(at, 0, ...lines.slice(at, at + 1 + Math.floor(rnd() * 5)));
    files["lesson.md"] = lines.join("\n");
  },
  "YAML tricks": (files, rnd) => {
    const trick = pick(
      [
        "a: &a [*a]",
        "x: !!binary AAAA",
        "? [complex, key]\n: value",
        "<<: *undefined",
        "a: &x [1]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x]",
        "%YAML 9.9\n---",
        "key: 'unterminated",
        "\t\ttabs: indent",
      ],
      rnd,
    );
    files["lesson.md"] = text(files["lesson.md"]).replace("```check\n", `\`\`\`check\n${trick}\n`);
  },
};

let base: Files;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-badpacks-"));
  const lessons = path.join(repoRoot, "lessons");
  base = {
    "pack.yaml": "id: fuzz\ntitle: { en: Fuzz, fr: Fuzz }\nversion: 1.0.0\nlessons:\n  - lesson.md\n",
    "lesson.md": await readFile(path.join(lessons, "what-is-docker.md"), "utf8"),
    "lesson.fr.md": await readFile(path.join(lessons, "what-is-docker.fr.md"), "utf8"),
  };
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function makePack(index: number): Promise<{ dir: string; mutation: string }> {
  const rnd = random(index + 1);
  const names = Object.keys(mutations);
  const mutation = names[index % names.length] as string;
  const dir = path.join(scratch, `pack-${index}`);
  await mkdir(dir, { recursive: true });
  const files: Files = { ...base };
  await mutations[mutation]?.(files, rnd, dir);
  // Some inputs get a second mutation on top, as real mistakes come in pairs.
  if (rnd() < 0.3)
    await mutations[
      pick(
        names.filter((n) => n !== "symlink out of the pack"),
        rnd,
      )
    ]?.(files, rnd, dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return { dir, mutation };
}

const problemLine = /^\S.*:\d+:\d+: /;

describe("bad packs", () => {
  it(`never crash lint or list: ${inputs} mutated packs, each a file:line:col problem or clean, within 2 s`, async () => {
    const crashes: string[] = [];
    const slow: string[] = [];
    const dirs: string[] = [];
    const counts: Record<string, number> = {};
    let slowest = 0;
    let withProblems = 0;
    for (let index = 0; index < inputs; index++) {
      const { dir, mutation } = await makePack(index);
      dirs.push(dir);
      counts[mutation] = (counts[mutation] ?? 0) + 1;
      const started = performance.now();
      try {
        const { problems } = await loadPack(dir);
        if (problems.length > 0) withProblems++;
        for (const p of problems) {
          if (!problemLine.test(formatProblem(p)) || !(p.line >= 1 && p.column >= 1)) {
            crashes.push(`input ${index} (${mutation}): a problem without a position: ${formatProblem(p)}`);
          }
        }
      } catch (error) {
        crashes.push(
          `input ${index} (${mutation}): loadPack threw ${(error as Error).stack?.split("\n")[0]}`,
        );
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      if (ms > 2000) slow.push(`input ${index} (${mutation}): ${ms.toFixed(0)} ms`);
    }

    // The real CLI on every input, in batches: lint prints only problem lines and its summary, list answers JSON.
    for (let start = 0; start < dirs.length; start += batchSize) {
      const batch = dirs.slice(start, start + batchSize);
      const env = { ...process.env, NO_COLOR: "1", DOCKER_TUTOR_HOME: path.join(scratch, "home") };
      const lint = await run(process.execPath, [cliPath, "lint", ...batch], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      const lintCode = (lint as { code?: number }).code ?? 0;
      const lintOut = lint.stdout.trim().split("\n");
      const badLines = lintOut
        .slice(0, -1)
        .filter((l) => !problemLine.test(l) && !/^\S.*:\d+:\d+: warning: /.test(l));
      if (![0, 1].includes(lintCode) || stackTrace.test(lint.stdout + lint.stderr) || badLines.length > 0) {
        crashes.push(
          `lint on inputs ${start}-${start + batch.length - 1}: exit ${lintCode}, ${badLines[0] ?? lint.stderr.split("\n")[0]}`,
        );
      }
      const list = await run(process.execPath, [cliPath, "list", "--json"], {
        env: { ...env, DOCKER_TUTOR_PACKS: batch.join(path.delimiter) },
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      const listCode = (list as { code?: number }).code ?? 0;
      let parsed = false;
      try {
        parsed = Array.isArray(JSON.parse(list.stdout).lessons);
      } catch {
        parsed = false;
      }
      if (listCode !== 0 || !parsed || stackTrace.test(list.stdout + list.stderr)) {
        crashes.push(
          `list on inputs ${start}-${start + batch.length - 1}: exit ${listCode}, ${list.stderr.split("\n")[0]}`,
        );
      }
    }

    recordFigure(
      "bad packs",
      `inputs tried ${inputs}, crashes ${crashes.length}, with problems ${withProblems}, slowest ${slowest.toFixed(0)} ms; by mutation: ${JSON.stringify(counts)}`,
    );
    // The generator breaks packs: most inputs must give problems, or the suite tests nothing.
    expect(withProblems).toBeGreaterThan(inputs * 0.8);
    expect(crashes).toEqual([]);
    expect(slow).toEqual([]);
  }, 900_000);

  it("keeps a copied pack clean, so the mutations are what the problems are about", async () => {
    const dir = path.join(scratch, "clean");
    await mkdir(dir, { recursive: true });
    for (const [name, content] of Object.entries(base)) await writeFile(path.join(dir, name), content);
    await cp(path.join(repoRoot, "lessons", "files"), path.join(dir, "files"), { recursive: true });
    const { problems } = await loadPack(dir);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
