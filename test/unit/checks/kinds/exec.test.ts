/**
 * `exec:` checks judged on container inspect JSON and command runs recorded from a real engine
 * (test/fixtures/inspect/): the fake engine replays each run's output, framed as the engine streams it.
 */
import { describe, expect, it } from "vitest";
import { execKind } from "../../../../src/checks/kinds/exec.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";
import { RecordedEngine, recordedContext } from "../../../support/recorded-engine.js";

const web = "tutor-rec-web";
const project = "tutor-rec-app";
const ctx = recordedContext();

describe("exec check, its label and references", () => {
  it("names the container, or the compose project of a service", () => {
    const byName = parseAs(execKind, `- { exec: ${web}, command: cat /www/index.html }`);
    expect(execKind.label(byName)).toBe(`exec in ${web}`);
    expect(execKind.references(byName)).toEqual([{ kind: "containers", name: web }]);
    const byService = parseAs(
      execKind,
      `- { exec: { project: ${project}, service: web }, command: ["true"] }`,
    );
    expect(execKind.label(byService)).toBe(`exec in ${project}/web`);
    expect(execKind.references(byService)).toEqual([{ kind: "projects", name: project }]);
  });
});

describe("exec check on recorded command runs", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(execKind, `- { exec: ${web}, command: cat /www/index.html }`);
    expect(await execKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("runs a command and looks in its output", async () => {
    await passes(`- { exec: ${web}, command: cat /www/index.html, contains: hello }`, ctx);
    expect(await fails(`- { exec: ${web}, command: cat /www/index.html, contains: goodbye }`, ctx)).toBe(
      `the output of \`cat /www/index.html\` in ${web} ends with "hello"; expected it to contain "goodbye"`,
    );
  });

  it("compares the exit code and quotes the last line of output, stderr too", async () => {
    await passes(`- { exec: ${web}, command: "echo oops; exit 2", exitCode: 2 }`, ctx);
    expect(await fails(`- { exec: ${web}, command: "echo oops; exit 2" }`, ctx)).toBe(
      `\`echo oops; exit 2\` in ${web} exited 2 ("oops"); expected 0`,
    );
    expect(await fails(`- { exec: ${web}, command: [ls, /nope] }`, ctx)).toBe(
      `\`ls /nope\` in ${web} exited 1 ("ls: /nope: No such file or directory"); expected 0`,
    );
  });

  it("runs in every container of a compose service", async () => {
    await passes(`- { exec: { project: ${project}, service: web }, command: ["true"] }`, ctx);
  });

  it("needs a running container", async () => {
    expect(await fails(`- { exec: tutor-rec-done, command: echo hi }`, ctx)).toBe(
      "container tutor-rec-done is exited; expected running, to run a command in it",
    );
    expect(await fails(`- { exec: tutor-rec-nothing-here, command: echo hi }`, ctx)).toBe(
      "no container named tutor-rec-nothing-here",
    );
    expect(await fails(`- { exec: { project: ${project}, service: worker }, command: echo hi }`, ctx)).toBe(
      `container ${project}-worker-1 is exited; expected running, to run a command in it`,
    );
  });

  // The learner's own containers, there before the lesson started, are never run in.
  it("runs nothing in a container that was there before the lesson started", async () => {
    const engine = new RecordedEngine();
    const later = recordedContext(engine, { lessonStart: "2100-01-01T00:00:00Z" });
    expect(await fails(`- { exec: ${web}, command: cat /www/index.html }`, later)).toBe(
      `container ${web} was there before this lesson started, so no command is run in it`,
    );
  });

  it("gives up on a command that does not finish within the bound", async () => {
    const engine = new RecordedEngine();
    engine.addExec({
      container: web,
      cmd: ["sh", "-c", "sleep 60"],
      exitCode: 0,
      stdout: "",
      stderr: "",
      hangs: true,
    });
    const impatient = recordedContext(engine, { timeouts: { execMs: 50 } });
    expect(await fails(`- { exec: ${web}, command: sleep 60 }`, impatient)).toBe(
      `\`sleep 60\` in ${web} did not finish within 0.05 s; expected exit code 0`,
    );
  });
});

describe("exec check in words", () => {
  it("says the command, where it runs and what it must give, in English and in French", () => {
    const yaml = "- exec: tutor-web\n  command: cat /www/index.html\n  contains: Hello";
    expect(inWords(yaml)).toBe(
      '`cat /www/index.html` in container tutor-web exits 0 with "Hello" in its output',
    );
    expect(inWords(yaml, "fr")).toBe(
      "`cat /www/index.html` dans le conteneur tutor-web se termine avec le code 0 en affichant « Hello »",
    );
    expect(
      inWords("- exec: {project: tutor-shop, service: db}\n  command: [test, -s, /ready]\n  exitCode: 1"),
    ).toBe("`test -s /ready` in every container of service db of compose project tutor-shop exits 1");
  });
});
