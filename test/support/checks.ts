/**
 * Checks written as in a lesson's ```check block, parsed and evaluated the way the tutor does, for the
 * unit tests of the check kinds.
 */
import { expect } from "vitest";
import { parse } from "yaml";
import { type CheckContext, createCheckContext } from "../../src/checks/check-context.js";
import type { CheckKind } from "../../src/checks/check-kind.js";
import { evaluateCheck } from "../../src/checks/evaluate.js";
import { checkInWords } from "../../src/checks/in-words.js";
import { parseCheckList } from "../../src/checks/parse.js";
import type { CheckResult } from "../../src/checks/result.js";
import type { Check } from "../../src/checks/vocabulary.js";
import { translator, type UiLanguage } from "../../src/i18n/index.js";
import { emptyResources } from "../../src/world/resources.js";

/** The one check of a YAML check block; parse issues fail the test. */
export function parseOne(yaml: string): Check {
  const { checks, issues } = parseCheckList(parse(yaml));
  expect(issues).toEqual([]);
  const [only, ...rest] = checks;
  if (!only || rest.length > 0) throw new Error(`expected exactly one check in:\n${yaml}`);
  return only;
}

/** The one check of a YAML block, as the check type of `kind`. */
export function parseAs<K extends string, T extends { kind: K }>(kind: CheckKind<K, T>, yaml: string): T {
  const check = parseOne(yaml);
  expect(check.kind).toBe(kind.key);
  return check as unknown as T;
}

export function evaluateYaml(yaml: string, ctx: CheckContext): Promise<CheckResult> {
  return evaluateCheck(parseOne(yaml), ctx);
}

/** The message of a check that must pass (and did not trip over the engine). */
export async function passes(yaml: string, ctx: CheckContext): Promise<string> {
  const result = await evaluateYaml(yaml, ctx);
  expect({ passed: result.passed, message: result.message }).toMatchObject({ passed: true });
  expect(result.engineError).toBeUndefined();
  return result.message;
}

/** The message of a check that must fail (on the learner's work, not on the engine). */
export async function fails(yaml: string, ctx: CheckContext): Promise<string> {
  const result = await evaluateYaml(yaml, ctx);
  expect({ passed: result.passed, message: result.message }).toMatchObject({ passed: false });
  expect(result.engineError).toBeUndefined();
  return result.message;
}

/** A check context with no engine at all: for the kinds that read files only (file, dockerfile). */
export function filesOnlyContext(workdir: string, language: UiLanguage = "en"): CheckContext {
  return createCheckContext({
    docker: undefined as never,
    workdir,
    resources: emptyResources(),
    images: [],
    engineHost: "unix:///var/run/docker.sock",
    t: translator(language),
  });
}

/** A check of a YAML block in words, as `preview` shows it to authors, in `language`. */
export function inWords(yaml: string, language: UiLanguage = "en"): string {
  return checkInWords(parseOne(yaml), translator(language));
}
