/**
 * Every image a check names, a solution uses, or a shipped Dockerfile or compose file starts from is
 * declared in `images` (or owned), so the tutor can pull it before the first task.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { checkReferences } from "../../checks/references.js";
import { normalizeImageRef } from "../../world/image-refs.js";
import { owns } from "../../world/ownership.js";
import { isInside } from "../../world/paths.js";
import { type Problem, problem, type SourcePosition } from "../problem.js";
import type { LintRule } from "./rule.js";
import { analyzeSolution } from "./solution-commands.js";

export const declaredImages: LintRule = {
  name: "declared-images",
  async check({ file, meta, steps, filesDir }, pack) {
    if (!meta) return [];
    const problems: Problem[] = [];
    const declared = new Set(meta.images.map(normalizeImageRef));
    const reported = new Set<string>();
    const needImage = (ref: string, at: SourcePosition, where: string, atFile = file) => {
      if (ref.includes("$") || ref === "scratch") return;
      const normalized = normalizeImageRef(ref);
      if (declared.has(normalized) || owns(meta.resources, "images", ref) || reported.has(normalized)) return;
      reported.add(normalized);
      problems.push(
        problem(atFile, at, `${where} uses image "${ref}", which is not declared: add it to images`),
      );
    };
    for (const step of steps) {
      step.checks.forEach((check, i) => {
        const at = step.checkPositions[i] ?? { line: step.line, column: 1 };
        for (const ref of checkReferences(check))
          if (ref.kind === "images") needImage(ref.name, at, "a check");
      });
      if (!step.solution) continue;
      for (const use of analyzeSolution(step.solution.script)) {
        const at = { line: step.solution.line + use.line, column: 1 };
        for (const image of use.images) needImage(image, at, "the solution");
      }
    }
    if (filesDir) {
      for (const found of await imagesInFiles(filesDir, pack.dir)) {
        needImage(found.image, { line: found.line, column: 1 }, path.basename(found.file), found.file);
      }
    }
    return problems;
  },
};

/** FROM lines of Dockerfiles and `image:` of compose files shipped with the lesson. */
async function imagesInFiles(
  dir: string,
  packDir: string,
): Promise<{ file: string; line: number; image: string }[]> {
  const found: { file: string; line: number; image: string }[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!isInside(packDir, file)) continue;
    const isDockerfile = /^(?:Dockerfile|Containerfile)(?:\..*)?$|\.Dockerfile$/.test(entry.name);
    const isCompose = /^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(entry.name);
    if (!isDockerfile && !isCompose) continue;
    const text = await readFile(file, "utf8").catch(() => "");
    if (text.length > 1024 * 1024) continue;
    if (isDockerfile) {
      const stages = new Set<string>();
      text.split(/\r?\n/).forEach((line, index) => {
        const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
        if (!from) return;
        const image = from[1] as string;
        if (!stages.has(image.toLowerCase())) found.push({ file, line: index + 1, image });
        if (from[2]) stages.add(from[2].toLowerCase());
      });
    } else {
      let services: unknown;
      try {
        services = (parseYaml(text) as { services?: unknown })?.services;
      } catch {
        continue;
      }
      if (!services || typeof services !== "object") continue;
      for (const service of Object.values(services as Record<string, { image?: unknown; build?: unknown }>)) {
        if (typeof service?.image !== "string" || service.build) continue;
        const line = text.split(/\r?\n/).findIndex((l) => l.includes(service.image as string)) + 1;
        found.push({ file, line: Math.max(line, 1), image: service.image });
      }
    }
  }
  return found;
}
