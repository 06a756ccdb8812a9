/**
 * Solution scripts read with a real shell parser: mvdan/sh, the parser behind shfmt, in its JavaScript
 * build (its WASM build, sh-syntax, hands back statements without their words). Bash, since solutions
 * run under bash. Lint gets every simple command, also inside `$(...)`, pipelines, loops, `sh -c '...'`
 * and `eval`, as words with where it sits and the command substitution it runs in.
 */
import "./gopherjs-guard.js";
import mvdanSh, { type ShellNode, type ShellPos } from "mvdan-sh";
import { restoreGlobals } from "./gopherjs-guard.js";

restoreGlobals();
const { syntax } = mvdanSh;

/** A place in a script: line and column (in characters), from 1. */
export interface ScriptSpot {
  line: number;
  column: number;
}

export interface ShellWord {
  /** The word without its quotes; what only the shell knows (`$NAME`, `$(...)`) is kept as written. */
  text: string;
  /** False when the shell works out part of the word when it runs (expansions, globs, braces). */
  known: boolean;
  /** Where the command substitutions inside the word start. */
  substitutions: ScriptSpot[];
}

/** One simple command of a script. */
export interface ShellCommand extends ScriptSpot {
  words: ShellWord[];
  /** Variables set for this command alone: `COMPOSE_PROJECT_NAME=x docker compose down`. */
  env: Map<string, string>;
  /** The innermost command substitution (`$(...)`, backquotes, `<(...)`) the command runs in. */
  substitution: ScriptSpot | undefined;
}

export type ShellReading =
  | { ok: true; commands: ShellCommand[] }
  | { ok: false; at: ScriptSpot; message: string };

/** Longer scripts are refused rather than read: the parser takes about a second per megabyte. */
export const maxScriptLength = 64 * 1024;
/** How deep `sh -c` and `eval` are followed into the scripts they are given. */
const maxNesting = 4;

const parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
const substitutionTypes = new Set(["CmdSubst", "ProcSubst"]);
const shells = new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"]);

/** Readings of recent scripts: several lint rules read the same solution. */
const recent = new Map<string, ShellReading>();

export function readShell(script: string): ShellReading {
  let reading = recent.get(script);
  if (!reading) {
    if (recent.size >= 256) recent.clear();
    reading = readScript(script, 0);
    recent.set(script, reading);
  }
  return reading;
}

function readScript(script: string, depth: number): ShellReading {
  if (script.length > maxScriptLength) {
    return {
      ok: false,
      at: { line: 1, column: 1 },
      message: `it is longer than ${maxScriptLength / 1024} KB`,
    };
  }
  const bytes = Buffer.from(script, "utf8");
  const commands: ShellCommand[] = [];
  try {
    const file = parser.Parse(script, "");
    const open: (ScriptSpot | undefined)[] = [];
    syntax.Walk(file, (node) => {
      if (!node) {
        open.pop();
        return true;
      }
      const type = syntax.NodeType(node);
      open.push(substitutionTypes.has(type) ? spotOf(node.Pos(), bytes) : undefined);
      if (type === "CallExpr" && node.Args.length > 0) {
        const innermost = open.findLast((spot) => spot !== undefined);
        commands.push(readCall(node, bytes, innermost));
      }
      return true;
    });
  } catch (error) {
    return { ok: false, ...describeError(error, bytes) };
  }
  const all: ShellCommand[] = [];
  for (const command of commands) {
    const given = depth < maxNesting ? givenScript(command) : undefined;
    if (given === undefined) {
      all.push(command);
      continue;
    }
    // A command that hands a script to a shell stands for the commands of that script.
    const inner = readScript(given.script, depth + 1);
    const at = { line: command.line, column: command.column };
    if (!inner.ok) return { ok: false, at, message: `the script given to ${given.to}: ${inner.message}` };
    // Commands of a nested script are placed at the command that runs it.
    for (const nested of inner.commands) {
      all.push({
        ...nested,
        ...at,
        words: nested.words.map((w) => ({ ...w, substitutions: w.substitutions.map(() => at) })),
        substitution: nested.substitution ? at : command.substitution,
      });
    }
  }
  return { ok: true, commands: all };
}

function readCall(node: ShellNode, bytes: Buffer, substitution: ScriptSpot | undefined): ShellCommand {
  const env = new Map<string, string>();
  for (const assign of node.Assigns as ShellNode[]) {
    const name = assign.Name?.Value;
    if (typeof name === "string") env.set(name, assign.Value ? readWord(assign.Value, bytes).text : "");
  }
  return {
    ...spotOf(node.Pos(), bytes),
    words: (node.Args as ShellNode[]).map((word) => readWord(word, bytes)),
    env,
    substitution,
  };
}

function readWord(word: ShellNode, bytes: Buffer): ShellWord {
  const read: ShellWord = { text: "", known: true, substitutions: [] };
  const unknown = (part: ShellNode) => {
    read.text += bytes.subarray(part.Pos().Offset(), part.End().Offset()).toString("utf8");
    read.known = false;
    if (substitutionTypes.has(syntax.NodeType(part))) read.substitutions.push(spotOf(part.Pos(), bytes));
  };
  for (const part of word.Parts as ShellNode[]) {
    const type = syntax.NodeType(part);
    if (type === "Lit") {
      const value = part.Value as string;
      // Unquoted globs and braces become other words: `*` may expand to files the lesson shipped.
      if (/(^|[^\\])([*?[]|\{[^}]*(,|\.\.)[^}]*\})/.test(value)) read.known = false;
      read.text += value.replace(/\\\n/g, "").replace(/\\(.)/gs, "$1");
    } else if (type === "SglQuoted" && !part.Dollar) read.text += part.Value;
    else if (type === "DblQuoted" && !part.Dollar) {
      for (const inner of part.Parts as ShellNode[]) {
        if (syntax.NodeType(inner) === "Lit")
          read.text += (inner.Value as string).replace(/\\\n/g, "").replace(/\\([$`"\\])/g, "$1");
        else unknown(inner);
      }
    } else unknown(part);
  }
  return read;
}

/** The script a command hands to another shell: `sh -c '...'`, `bash -ec "..."`, `eval ...`. */
function givenScript(command: ShellCommand): { script: string; to: string } | undefined {
  const [program, ...args] = command.words;
  if (!program?.known) return undefined;
  const name = program.text.split("/").at(-1) ?? "";
  if (name === "eval") {
    return args.every((a) => a.known) ? { script: args.map((a) => a.text).join(" "), to: "eval" } : undefined;
  }
  if (!shells.has(name)) return undefined;
  let hasC = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as ShellWord;
    if (/^[-+]o$/.test(arg.text)) i++;
    else if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg.text)) hasC = true;
    else if (!/^[-+]/.test(arg.text)) {
      return hasC && arg.known ? { script: arg.text, to: `${name} -c` } : undefined;
    }
  }
  return undefined;
}

/** mvdan/sh counts columns in UTF-8 bytes; lint reports them in characters. */
function spotOf(pos: ShellPos, bytes: Buffer): ScriptSpot {
  const offset = pos.Offset();
  const lineStart = Math.max(0, offset - Math.max(pos.Col() - 1, 0));
  return {
    line: Math.max(pos.Line(), 1),
    column: bytes.subarray(lineStart, offset).toString("utf8").length + 1,
  };
}

function describeError(error: unknown, bytes: Buffer): { at: ScriptSpot; message: string } {
  const parseError = error as { Pos?: ShellPos; Text?: unknown };
  if (parseError?.Pos && typeof parseError.Text === "string") {
    return { at: spotOf(parseError.Pos, bytes), message: parseError.Text };
  }
  const message = error instanceof RangeError ? "it is nested too deeply to read" : String(error);
  return { at: { line: 1, column: 1 }, message };
}
