/**
 * `not:` wraps any check: it passes when the inner check fails, saying what was found, and fails when
 * the inner check passes. Judged through evaluateCheck on the recorded engine and a real working folder.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CheckContext, createCheckContext } from "../../../../src/checks/check-context.js";
import { evaluateCheck, evaluateChecks } from "../../../../src/checks/evaluate.js";
import { parseCheckList } from "../../../../src/checks/parse.js";
import { checkReferences } from "../../../../src/checks/references.js";
import { describeCheck } from "../../../../src/checks/result.js";
import { emptyResources } from "../../../../src/world/resources.js";
import { fails, parseOne, passes } from "../../../support/checks.js";
import { RecordedEngine, recordedContext } from "../../../support/recorded-engine.js";

const web = "tutor-rec-web";
const done = "tutor-rec-done";

let workdir: string;
/** The recorded engine, and a working folder holding notes.txt. */
let ctx: CheckContext;

beforeAll(async () => {
  workdir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-not-check-"));
  await writeFile(path.join(workdir, "notes.txt"), "hello world\n");
  ctx = { ...recordedContext(), workdir };
});

afterAll(() => rm(workdir, { recursive: true, force: true }));

describe("not check, its label and references", () => {
  it("is labelled and references what its inner check does", () => {
    const check = parseOne(`- not: { container: ${web}, image: busybox }`);
    expect(check.kind).toBe("not");
    expect(describeCheck(check)).toBe(`not container ${web}`);
    expect(checkReferences(check)).toEqual([
      { kind: "containers", name: web },
      { kind: "images", name: "busybox" },
    ]);
  });
});

describe("not check", () => {
  it("passes when the inner check fails, saying what was found without what it expected", async () => {
    expect(await passes(`- not: { container: tutor-rec-nothing-here }`, ctx)).toBe(
      "no container named tutor-rec-nothing-here",
    );
    // A pass must not read like a failure: the inner check's "; expected running" is dropped.
    expect(await passes(`- not: { container: ${done}, state: running }`, ctx)).toBe(
      `container ${done} is exited`,
    );
    expect(await passes(`- not: { file: missing.txt }`, ctx)).toBe("file missing.txt does not exist");
    // Only the inner check's own "; expected ..." goes, not words the file happens to hold.
    await writeFile(path.join(workdir, "odd.txt"), "status: ok; expected nothing else\n");
    expect(await passes(`- not: { file: odd.txt, contains: error }`, ctx)).toBe(
      'file odd.txt ends with "status: ok; expected nothing else"',
    );
  });

  it("fails when the inner check passes", async () => {
    expect(await fails(`- not: { container: ${web}, state: running }`, ctx)).toBe(
      `container ${web} is running, but it should not`,
    );
    expect(await fails(`- not: { file: notes.txt }`, ctx)).toBe("file notes.txt exists, but it should not");
    expect(await fails(`- not: { volume: tutor-rec-data }`, ctx)).toBe(
      "volume tutor-rec-data exists, but it should not",
    );
  });

  it("carries the label of the inner check in the result", async () => {
    expect(await evaluateCheck(parseOne(`- not: { container: ${web} }`), ctx)).toEqual({
      check: `not container ${web}`,
      passed: false,
      message: `container ${web} exists, but it should not`,
    });
  });

  it("does not look at what the lesson does not own, whichever way the inner check would go", async () => {
    const stranger = createCheckContext({
      docker: new RecordedEngine().docker,
      workdir,
      resources: emptyResources(),
      images: [],
      engineHost: "unix:///var/run/docker.sock",
    });
    expect(await fails(`- not: { container: ${web} }`, stranger)).toBe(
      `container ${web} is not the lesson's (not in its resources), so it is not looked at`,
    );
  });

  // An engine that does not answer says nothing about the learner's work: the `not` must not pass on it.
  it("does not pass when the engine does not answer", async () => {
    const down = new RecordedEngine();
    const refused = Object.assign(new Error("connect ECONNREFUSED /var/run/docker.sock"), {
      code: "ECONNREFUSED",
    });
    down.listContainers = () => Promise.reject(refused);
    const result = await evaluateCheck(parseOne(`- not: { compose: tutor-rec-app }`), recordedContext(down));
    expect(result).toEqual({
      check: "not compose project tutor-rec-app",
      passed: false,
      message: "the engine did not answer (refused)",
      engineError: true,
    });
  });

  it("evaluates with the other checks of a step, results in the step's order", async () => {
    const { checks, issues } = parseCheckList(
      parse(`
        - not: { container: tutor-rec-nothing-here }
        - container: ${web}
        - not: { file: notes.txt }
      `),
    );
    expect(issues).toEqual([]);
    expect(await evaluateChecks(checks, ctx)).toEqual([
      {
        check: "not container tutor-rec-nothing-here",
        passed: true,
        message: "no container named tutor-rec-nothing-here",
      },
      { check: `container ${web}`, passed: true, message: `container ${web} exists` },
      { check: "not file notes.txt", passed: false, message: "file notes.txt exists, but it should not" },
    ]);
  });
});
