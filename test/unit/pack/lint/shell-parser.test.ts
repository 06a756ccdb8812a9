import { describe, expect, it } from "vitest";
import { readShell } from "../../../../src/pack/lint/shell-parser.js";

const texts = (script: string) => {
  const reading = readShell(script);
  if (!reading.ok) throw new Error(reading.message);
  return reading.commands.map((c) => c.words.map((w) => w.text));
};

describe("reading a solution with the shell parser", () => {
  it("gives every simple command, in loops, pipelines and substitutions too", () => {
    expect(
      texts('for v in a b; do docker volume rm "tutor-$v"; done | tee log && echo $(docker ps -q)'),
    ).toEqual([
      ["docker", "volume", "rm", "tutor-$v"],
      ["tee", "log"],
      ["echo", "$(docker ps -q)"],
      ["docker", "ps", "-q"],
    ]);
  });

  it("tells known words from those only the shell knows, and where substitutions sit", () => {
    const reading = readShell("docker stop 'tutor-web' $NAME \\\n  \"`docker ps -q`\"");
    expect(reading.ok && reading.commands).toEqual([
      {
        line: 1,
        column: 1,
        env: new Map(),
        substitution: undefined,
        words: [
          { text: "docker", known: true, substitutions: [] },
          { text: "stop", known: true, substitutions: [] },
          { text: "tutor-web", known: true, substitutions: [] },
          { text: "$NAME", known: false, substitutions: [] },
          { text: "`docker ps -q`", known: false, substitutions: [{ line: 2, column: 4 }] },
        ],
      },
      {
        line: 2,
        column: 5,
        env: new Map(),
        substitution: { line: 2, column: 4 },
        words: ["docker", "ps", "-q"].map((text) => ({ text, known: true, substitutions: [] })),
      },
    ]);
  });

  it("takes unquoted globs and braces for words the shell makes up, quoted or escaped ones for known", () => {
    const reading = readShell("docker rm * tutor-{a,b} 'tutor-*' tutor-\\* \"x?\"");
    expect(reading.ok && reading.commands[0]?.words.map((w) => [w.text, w.known])).toEqual([
      ["docker", true],
      ["rm", true],
      ["*", false],
      ["tutor-{a,b}", false],
      ["tutor-*", true],
      ["tutor-*", true],
      ["x?", true],
    ]);
  });

  it("reads the scripts given to sh -c and eval in place of the command that runs them", () => {
    expect(texts("bash -e -o pipefail -c 'docker rm -f a; docker rm -f b'\neval docker kill c")).toEqual([
      ["docker", "rm", "-f", "a"],
      ["docker", "rm", "-f", "b"],
      ["docker", "kill", "c"],
    ]);
  });

  it("keeps the variables set for one command", () => {
    const reading = readShell("COMPOSE_PROJECT_NAME=x docker compose down");
    expect(reading.ok && reading.commands[0]?.env).toEqual(new Map([["COMPOSE_PROJECT_NAME", "x"]]));
  });

  it("says where a script stops being shell, and survives nesting too deep to read", () => {
    expect(readShell("if true; then\n  echo yes\n")).toMatchObject({ ok: false, at: { line: 1, column: 1 } });
    expect(readShell(`${"$(".repeat(3000)}${")".repeat(3000)}`)).toMatchObject({
      ok: false,
      message: "it is nested too deeply to read",
    });
  });

  it("leaves the process as it found it: no global require, the same stack trace limit", () => {
    expect(Error.stackTraceLimit).not.toBe(Number.POSITIVE_INFINITY);
    expect(Object.hasOwn(globalThis, "require")).toBe(false);
  });
});
