/**
 * The shape's rules, read off the source: imports point down the layers, checks/ never reads the lesson
 * format, only render/ and the entry write to the terminal, only progress/ changes progress, files stay small.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const src = path.join(repoRoot, "src");
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.split(path.sep).join("/"));

/** From the top down; a module may import its own layer or any layer below it, never one above. */
const layers: string[][] = [
  ["cli.ts", "program.ts", "quick.ts", "entry.ts"],
  ["commands/"],
  ["render/"],
  ["run/"],
  ["pack/"],
  ["checks/"],
  ["world/"],
  ["progress/"],
  ["engine/"],
  ["validation/", "text/", "i18n/", "errors.ts", "command-context.ts"],
];

function layerOf(file: string): number {
  const index = layers.findIndex((layer) =>
    layer.some((prefix) => file === prefix || file.startsWith(prefix)),
  );
  if (index < 0) throw new Error(`${file} is in no layer: add its folder to the layer list`);
  return index;
}

/** Relative imports of a source file (static and dynamic), as src-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1] as string,
  );
  return specifiers.map((s) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), s)).replace(/\.js$/, ".ts"),
  );
}

describe("the codebase's shape", () => {
  it("has imports that point down the layers only", () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) < layerOf(file))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("keeps checks/ free of the lesson format", () => {
    const reachingUp = files
      .filter((f) => f.startsWith("checks/"))
      .flatMap((file) =>
        importsOf(file)
          .filter((t) => t.startsWith("pack/"))
          .map((t) => `${file} → ${t}`),
      );
    expect(reachingUp).toEqual([]);
  });

  it("writes to the terminal only from render/ and the entry", () => {
    const writers = files.filter((file) => {
      if (file.startsWith("render/") || ["cli.ts", "program.ts", "entry.ts"].includes(file)) return false;
      return /process\.(stdout|stderr)|console\./.test(readFileSync(path.join(src, file), "utf8"));
    });
    expect(writers).toEqual([]);
  });

  it("changes progress only from progress/", () => {
    const writers = files.filter(
      (file) =>
        !file.startsWith("progress/") &&
        /\bupdate(Lesson)?Progress\b/.test(readFileSync(path.join(src, file), "utf8")),
    );
    expect(writers).toEqual([]);
  });

  it("has no source file over 300 lines, and commands of at most 60", () => {
    const lines = (file: string) => readFileSync(path.join(src, file), "utf8").trimEnd().split("\n").length;
    expect(files.filter((f) => lines(f) > 300)).toEqual([]);
    expect(files.filter((f) => f.startsWith("commands/") && lines(f) > 60)).toEqual([]);
  });

  it("makes a check kind one file in kinds/, listed once in the registry", () => {
    const kinds = files.filter((f) => /^checks\/kinds\/(?!index)[\w-]+\.ts$/.test(f));
    const registry = readFileSync(path.join(src, "checks/kinds/index.ts"), "utf8");
    for (const kind of kinds) expect(registry).toContain(`from "./${path.basename(kind, ".ts")}.js"`);
    // No switch over kinds outside the registry: dispatch, labels and references come from the kind objects.
    const switches = files.filter((f) =>
      /switch \(check\.kind\)/.test(readFileSync(path.join(src, f), "utf8")),
    );
    expect(switches).toEqual([]);
  });
});
