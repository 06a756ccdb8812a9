/** `matches:` runs on RE2: linear in the text whatever the pattern, with the wording checks had before. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckContext } from "../../../src/checks/check-context.js";
import { fileKind } from "../../../src/checks/kinds/file.js";
import { compilePattern, matchText } from "../../../src/checks/text-match.js";
import { translator } from "../../../src/i18n/index.js";
import { parseAs } from "../../support/checks.js";

const en = translator("en");

let workdir: string;
let ctx: CheckContext;

beforeAll(async () => {
  workdir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-text-match-"));
  await writeFile(path.join(workdir, "evil.txt"), `${"a".repeat(32)}!`);
  await writeFile(path.join(workdir, "windows.txt"), "name: web\r\nversion: 3\r\n");
  // A file check reads only the working folder.
  ctx = { workdir, t: en } as CheckContext;
});

afterAll(() => rm(workdir, { recursive: true, force: true }));

const fileCheck = (yaml: string) => fileKind.evaluate(parseAs(fileKind, yaml), ctx);

describe("matches: on RE2", () => {
  it("answers a catastrophic pattern on a 33-character file in well under a second", async () => {
    const started = performance.now();
    const outcome = await fileCheck(`- { file: evil.txt, matches: "^(a+)+$" }`);
    expect(performance.now() - started).toBeLessThan(250);
    expect(outcome).toMatchObject({
      passed: false,
      message: expect.stringContaining("expected it to match /^(a+)+$/"),
    });
  });

  it("stays linear on a long text", () => {
    const started = performance.now();
    const outcome = matchText(en, "the logs", `${"a".repeat(200_000)}!`, { matches: "(a|aa)+$|(a*)*b" });
    expect(outcome.passed).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("keeps ^ and $ at line ends, CRLF lines included", async () => {
    expect(await fileCheck(`- { file: windows.txt, matches: '^version: \\d+$' }`)).toMatchObject({
      passed: true,
    });
  });

  it("says an invalid pattern is invalid, in the words it always used", () => {
    expect(matchText(en, "the logs", "anything", { matches: "([" })).toMatchObject({
      passed: false,
      message: expect.stringContaining("is not a valid regular expression"),
    });
  });

  it("compiles what lint compiles, and tells why a pattern does not", () => {
    expect(compilePattern("^ready on port \\d+$").ok).toBe(true);
    expect(compilePattern("(?<=x)y")).toMatchObject({ ok: false, reason: expect.stringContaining("(?<") });
  });
});
