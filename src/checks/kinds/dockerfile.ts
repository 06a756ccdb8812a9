/** `dockerfile:` checks: the file parsed (dockerfile-ast), its stages, base image and instruction order. */
import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { resolveInWorkdir } from "../../world/workdir.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { fail, inRange, mismatch, pass, plural } from "../diagnosis.js";
import { joinWords, range, sentence } from "../phrases.js";
import type { Outcome } from "../result.js";
import { countRange, name } from "../schema-parts.js";

/** An instruction pattern: a keyword, optionally followed by text its arguments contain: `COPY requirements.txt`. */
const instructionPattern = z
  .string()
  .regex(/^[A-Za-z]+(?:\s.*)?$/, 'expected an instruction like "RUN" or "COPY requirements.txt"');

export const dockerfileCheck = z.strictObject({
  dockerfile: z.string().min(1),
  from: name.optional(),
  stages: countRange.optional(),
  has: z.array(instructionPattern).optional(),
  lacks: z.array(instructionPattern).optional(),
  order: z.array(instructionPattern).min(2).optional(),
});

export type DockerfileCheck = CheckOf<"dockerfile", typeof dockerfileCheck>;

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
  /** The same arguments with `--from=` naming the stage the other way (`0` ↔ `render`), when it names one. */
  otherSpelling?: string;
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  /** Base image of each stage, in order. */
  froms: string[];
}

export async function parseDockerfile(text: string): Promise<ParsedDockerfile> {
  // A CommonJS module: bundled, its exports sit under `default`.
  const module = (await import("dockerfile-ast")) as typeof import("dockerfile-ast") & {
    default?: typeof import("dockerfile-ast");
  };
  const DockerfileParser = module.DockerfileParser ?? module.default?.DockerfileParser;
  const parsed = DockerfileParser.parse(text);
  const instructions: Instruction[] = parsed.getInstructions().map((i) => {
    // Flags (`--from=build`, `--chown=app`) are kept apart from the arguments by the parser.
    const flags = ((i as { getFlags?: () => { toString(): string }[] }).getFlags?.() ?? []).map((f) =>
      f.toString(),
    );
    const args = i
      .getArguments()
      .map((a) => a.getValue())
      .join(" ");
    return {
      keyword: i.getKeyword().toUpperCase(),
      args: [...flags, args].join(" ").trim(),
      line: i.getRange().start.line + 1,
    };
  });
  const froms = parsed.getFROMs().map((f) => f.getImage() ?? "");
  const stageNames = parsed.getFROMs().map((f) => f.getBuildStage()?.toLowerCase());
  for (const instruction of instructions) {
    // `COPY --from=0` and `COPY --from=render` copy from the same stage when stage 0 is `AS render`.
    const from = /(^|\s)--from=(\S+)/i.exec(instruction.args);
    if (!from) continue;
    const value = from[2] as string;
    const index = /^\d+$/.test(value) ? Number(value) : stageNames.indexOf(value.toLowerCase());
    const stageName = stageNames[index];
    if (index < 0 || !stageName) continue;
    const other = /^\d+$/.test(value) ? stageName : String(index);
    instruction.otherSpelling = instruction.args.replace(from[0], `${from[1]}--from=${other}`);
  }
  return { instructions, froms };
}

/** `COPY requirements.txt` matches a COPY whose arguments contain `requirements.txt`. */
export function matchesPattern(instruction: Instruction, pattern: string): boolean {
  const [keyword = "", ...rest] = pattern.trim().split(/\s+/);
  if (instruction.keyword !== keyword.toUpperCase()) return false;
  const text = rest.join(" ");
  return (
    text === "" ||
    [instruction.args, instruction.otherSpelling ?? ""].some((args) =>
      args.replace(/\s+/g, " ").includes(text),
    )
  );
}

const maxDockerfileBytes = 1024 * 1024;

async function evaluateDockerfile(check: DockerfileCheck, ctx: CheckContext): Promise<Outcome> {
  const resolved = await resolveInWorkdir(ctx.workdir, check.dockerfile);
  if (!resolved.ok) return fail(resolved.message);
  const subject = check.dockerfile;
  // A FIFO or a device would block the read, a huge file would fill memory: only a plain file is read.
  const info = await stat(resolved.path).catch(() => undefined);
  if (!info) return mismatch(subject, "does not exist", "a Dockerfile");
  if (!info.isFile()) return mismatch(subject, "is not a plain file", "a Dockerfile");
  if (info.size > maxDockerfileBytes) return fail(`${subject} is too large to read (${info.size} bytes)`);
  const text = await readFile(resolved.path, "utf8").catch(() => undefined);
  if (text === undefined) return mismatch(subject, "does not exist", "a Dockerfile");
  const { instructions, froms } = await parseDockerfile(text);
  if (froms.length === 0) return mismatch(subject, "has no FROM", "a FROM line first");
  const facts: string[] = [];
  if (check.from) {
    const base = froms.at(-1) ?? "";
    const norm = (ref: string) => (ref.includes(":") || ref.includes("@") ? ref : `${ref}:latest`);
    if (norm(base) !== norm(check.from)) return mismatch(subject, `builds FROM ${base}`, check.from);
    facts.push(`FROM ${base}`);
  }
  if (check.stages !== undefined) {
    const outcome = inRange(
      subject,
      `has ${froms.length} ${plural("stages", froms.length)}`,
      froms.length,
      check.stages,
      "stages",
    );
    if (!outcome.passed) return outcome;
    facts.push(`${froms.length} ${plural("stages", froms.length)}`);
  }
  for (const pattern of check.has ?? []) {
    if (!instructions.some((i) => matchesPattern(i, pattern)))
      return mismatch(subject, `has no ${pattern}`, pattern);
  }
  for (const pattern of check.lacks ?? []) {
    const hit = instructions.find((i) => matchesPattern(i, pattern));
    if (hit) return mismatch(subject, `has ${hit.keyword} ${hit.args} on line ${hit.line}`, `no ${pattern}`);
  }
  if (check.order) {
    let from = 0;
    let previous: Instruction | undefined;
    for (const pattern of check.order) {
      const index = instructions.findIndex((i, n) => n >= from && matchesPattern(i, pattern));
      if (index < 0) {
        const anywhere = instructions.find((i) => matchesPattern(i, pattern));
        if (!anywhere) return mismatch(subject, `has no ${pattern}`, `${check.order.join(", then ")}`);
        return mismatch(
          subject,
          `has ${pattern} on line ${anywhere.line}, before ${previous?.keyword} on line ${previous?.line}`,
          `${check.order.join(", then ")}`,
        );
      }
      previous = instructions[index];
      from = index + 1;
    }
    facts.push(`${check.order.join(" → ")}`);
  }
  return pass(`${subject} parsed${facts.length > 0 ? ` (${facts.join(", ")})` : ""}`);
}

function describeDockerfile(check: DockerfileCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.from) facts.push(t("check.dockerfile.from", { image: check.from }));
  if (check.stages !== undefined) {
    const { words, count } = range(check.stages, t);
    facts.push(t("check.dockerfile.stages", { range: words, count }));
  }
  if (check.has) facts.push(t("check.dockerfile.has", { patterns: joinWords(check.has, t) }));
  if (check.lacks) facts.push(t("check.dockerfile.lacks", { patterns: joinWords(check.lacks, t) }));
  if (check.order) facts.push(t("check.dockerfile.order", { patterns: check.order.join(", ") }));
  return sentence(
    t("check.dockerfile.subject", { path: check.dockerfile }),
    facts,
    t("check.dockerfile.parses"),
    t,
  );
}

export const dockerfileKind = defineCheckKind<"dockerfile", DockerfileCheck>({
  key: "dockerfile",
  schema: dockerfileCheck,
  unionHints: { stages: "a number, or {min, max}" },
  label: (check) => `dockerfile ${check.dockerfile}`,
  describe: describeDockerfile,
  references: (check) => (check.from ? [{ kind: "images", name: check.from, textOnly: true }] : []),
  evaluate: evaluateDockerfile,
});
