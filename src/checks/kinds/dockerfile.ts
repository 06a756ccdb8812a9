/** `dockerfile:` checks: the file parsed (dockerfile-ast), its stages, base image and instruction order. */
import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { resolveInWorkdir } from "../../world/workdir.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { fail, inRange, mismatch, pass, said } from "../diagnosis.js";
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
  const { t } = ctx;
  const resolved = await resolveInWorkdir(ctx.workdir, check.dockerfile);
  if (!resolved.ok) return fail(t(`diag.workdir.${resolved.why}`, { path: check.dockerfile }));
  // `Dockerfile.prod` names itself; `build/recipe` is called a Dockerfile.
  const subject = /dockerfile/i.test(check.dockerfile)
    ? check.dockerfile
    : t("check.dockerfile.subject", { path: check.dockerfile });
  const has = (fact: string) => said(subject, fact);
  const missing = () => mismatch(t, t("diag.file.missing", { subject }), t("diag.dockerfile.aDockerfile"));
  // A FIFO or a device would block the read, a huge file would fill memory: only a plain file is read.
  const info = await stat(resolved.path).catch(() => undefined);
  if (!info) return missing();
  if (!info.isFile())
    return mismatch(t, t("diag.file.notPlain", { subject }), t("diag.dockerfile.aDockerfile"));
  if (info.size > maxDockerfileBytes) return fail(t("diag.file.tooLarge", { subject, size: info.size }));
  const text = await readFile(resolved.path, "utf8").catch(() => undefined);
  if (text === undefined) return missing();
  const { instructions, froms } = await parseDockerfile(text);
  if (froms.length === 0)
    return mismatch(t, has(t("diag.dockerfile.noFrom")), t("diag.dockerfile.fromFirst"));
  if (check.from) {
    const base = froms.at(-1) ?? "";
    const norm = (ref: string) => (ref.includes(":") || ref.includes("@") ? ref : `${ref}:latest`);
    if (norm(base) !== norm(check.from))
      return mismatch(t, has(t("check.dockerfile.from", { image: base })), check.from);
  }
  if (check.stages !== undefined) {
    const count = froms.length;
    const found = has(t("check.dockerfile.stages", { range: count, count }));
    const outcome = inRange(t, found, count, check.stages, (range, n) =>
      t("diag.count.stages", { range, count: n }),
    );
    if (!outcome.passed) return outcome;
  }
  for (const pattern of check.has ?? []) {
    if (!instructions.some((i) => matchesPattern(i, pattern)))
      return mismatch(t, has(t("check.dockerfile.lacks", { patterns: pattern })), pattern);
  }
  for (const pattern of check.lacks ?? []) {
    const hit = instructions.find((i) => matchesPattern(i, pattern));
    if (hit)
      return mismatch(
        t,
        has(t("diag.dockerfile.hasOnLine", { instruction: `${hit.keyword} ${hit.args}`, line: hit.line })),
        t("diag.dockerfile.no", { pattern }),
      );
  }
  if (check.order) return matchOrder(t, subject, instructions, check.order);
  return pass();
}

/** The patterns appear in this order (others may come between). */
function matchOrder(t: Translate, subject: string, instructions: Instruction[], order: string[]): Outcome {
  const sequence = order.join(" → ");
  let from = 0;
  let previous: Instruction | undefined;
  for (const pattern of order) {
    const index = instructions.findIndex((i, n) => n >= from && matchesPattern(i, pattern));
    if (index < 0) {
      const anywhere = instructions.find((i) => matchesPattern(i, pattern));
      const found = anywhere
        ? t("diag.dockerfile.before", {
            pattern,
            line: anywhere.line,
            previous: previous?.keyword ?? "",
            previousLine: previous?.line ?? 0,
          })
        : t("check.dockerfile.lacks", { patterns: pattern });
      return mismatch(t, said(subject, found), sequence);
    }
    previous = instructions[index];
    from = index + 1;
  }
  return pass();
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
