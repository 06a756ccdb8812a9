/** The fault suite's figures, printed and kept in .tmp/fault-figures.json for the benchmark report. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths.js";

const file = path.join(repoRoot, ".tmp", "fault-figures.json");

export function recordFigure(name: string, value: string): void {
  console.log(`${name}: ${value}`);
  let figures: Record<string, string> = {};
  try {
    figures = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // first figure of the run
  }
  figures[name] = value;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
