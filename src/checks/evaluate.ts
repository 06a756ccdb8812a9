/**
 * Evaluates checks against the engine: one outcome per check, the independent checks of a step at once.
 * Checks look only at what the lesson owns (or declares, for images), whatever the pack says.
 */
import { describeEngineFailure } from "../engine/failure.js";
import { normalizeImageRef } from "../world/image-refs.js";
import { builtInNetworks, owns } from "../world/ownership.js";
import type { CheckContext } from "./check-context.js";
import { fail, negate } from "./diagnosis.js";
import { NoHelperImage } from "./helper.js";
import { kindOf } from "./kinds/index.js";
import { checkReferences } from "./references.js";
import { type CheckResult, describeCheck, type Outcome } from "./result.js";
import { impatient, startRound } from "./round.js";
import type { Check } from "./vocabulary.js";

function evaluateKind(check: Check, ctx: CheckContext): Promise<Outcome> {
  // A `not` wants no answer: its inner check looks once and never waits for a server to start.
  if (check.kind === "not")
    return evaluateKind(check.not, { ...ctx, round: ctx.round && impatient(ctx.round) }).then(negate);
  return kindOf(check).evaluate(check, ctx);
}

/** The first name the check would look at without the lesson owning (or, for images, declaring) it. */
function foreignReference(check: Check, ctx: CheckContext): string | undefined {
  const declared = new Set(ctx.images.map(normalizeImageRef));
  for (const ref of checkReferences(check)) {
    if (ref.textOnly) continue;
    if (ref.kind === "networks" && builtInNetworks.has(ref.name)) continue;
    if (ref.kind === "images" && declared.has(normalizeImageRef(ref.name))) continue;
    if (!owns(ctx.resources, ref.kind, ref.name)) return `${ref.kind.replace(/s$/, "")} ${ref.name}`;
  }
  return undefined;
}

export async function evaluateCheck(check: Check, ctx: CheckContext): Promise<CheckResult> {
  const label = describeCheck(check);
  const foreign = foreignReference(check, ctx);
  if (foreign) {
    return {
      check: label,
      ...fail(`${foreign} is not the lesson's (not in its resources), so it is not looked at`),
    };
  }
  try {
    return { check: label, ...(await evaluateKind(check, ctx)) };
  } catch (error) {
    if (error instanceof NoHelperImage) return { check: label, ...fail(error.message) };
    const failure = describeEngineFailure(error, { host: "", source: "" });
    const message =
      failure.reason === "error"
        ? `the engine failed: ${(error as Error).message.split("\n")[0]}`
        : `the engine did not answer (${failure.reason})`;
    return { check: label, passed: false, message, engineError: true };
  }
}

/**
 * All checks of a step, concurrently; results in the step's order. Once one fails the step cannot pass,
 * so the others stop waiting (an http check gives its answer so far instead of retrying). `waitMs` bounds
 * any waiting: the tutor gives its verdict soon after a command, while its watcher waits for servers.
 */
export interface EvaluateOptions {
  waitMs?: number;
  /** When the step began, by the engine's clock (ISO): what `happened:` checks look back to. */
  stepBegan?: string;
}

export function evaluateChecks(
  checks: Check[],
  ctx: CheckContext,
  options: EvaluateOptions = {},
): Promise<CheckResult[]> {
  const failed = new AbortController();
  const round = {
    ...ctx,
    round: startRound(ctx.docker, failed.signal, options.waitMs, options.stepBegan),
  };
  return Promise.all(
    checks.map(async (check) => {
      const result = await evaluateCheck(check, round);
      if (!result.passed) failed.abort();
      return result;
    }),
  );
}
