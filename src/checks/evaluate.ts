/**
 * Evaluates checks against the engine: one outcome per check, the independent checks of a step at once.
 * Checks look only at what the lesson owns (or declares, for images), whatever the pack says.
 */
import { describeEngineFailure } from "../engine/failure.js";
import type { Translate } from "../i18n/index.js";
import { normalizeImageRef } from "../world/image-refs.js";
import { builtInNetworks, owns } from "../world/ownership.js";
import type { ResourceKind } from "../world/resources.js";
import type { CheckContext } from "./check-context.js";
import { fail, negate } from "./diagnosis.js";
import { HelperTimeout, NoHelperImage } from "./helper.js";
import { checkInWords } from "./in-words.js";
import { kindOf } from "./kinds/index.js";
import { checkReferences } from "./references.js";
import { type CheckResult, describeCheck, type Outcome } from "./result.js";
import { impatient, startRound } from "./round.js";
import type { Check } from "./vocabulary.js";

async function evaluateKind(check: Check, ctx: CheckContext): Promise<Outcome> {
  // A `not` wants no answer: its inner check looks once and never waits for a server to start.
  if (check.kind === "not") {
    const inner = await evaluateKind(check.not, { ...ctx, round: ctx.round && impatient(ctx.round) });
    return negate(inner, checkInWords(check.not, ctx.t), ctx.t);
  }
  const outcome = await kindOf(check).evaluate(check, ctx);
  // A pass is the check met: its own words say what holds.
  return outcome.passed && !outcome.message ? { ...outcome, message: checkInWords(check, ctx.t) } : outcome;
}

/** What each kind of resource is called in results: `container tutor-web`, `le volume tutor-data`. */
function resourceInWords(kind: ResourceKind, name: string, t: Translate): string {
  switch (kind) {
    case "containers":
      return t("check.container.subject", { name });
    case "images":
      return t("check.image.subject", { ref: name });
    case "volumes":
      return t("check.volume.subject", { name });
    case "networks":
      return t("check.network.subject", { name });
    case "projects":
      return t("check.compose.subject", { project: name });
  }
}

/** The first name the check would look at without the lesson owning (or, for images, declaring) it. */
function foreignReference(check: Check, ctx: CheckContext): string | undefined {
  const declared = new Set(ctx.images.map(normalizeImageRef));
  for (const ref of checkReferences(check)) {
    if (ref.textOnly) continue;
    if (ref.kind === "networks" && builtInNetworks.has(ref.name)) continue;
    if (ref.kind === "images" && declared.has(normalizeImageRef(ref.name))) continue;
    if (!owns(ctx.resources, ref.kind, ref.name)) return resourceInWords(ref.kind, ref.name, ctx.t);
  }
  return undefined;
}

export async function evaluateCheck(check: Check, ctx: CheckContext): Promise<CheckResult> {
  const label = describeCheck(check);
  const foreign = foreignReference(check, ctx);
  if (foreign) {
    return {
      check: label,
      ...fail(ctx.t("diag.notOwned", { what: foreign })),
    };
  }
  try {
    return { check: label, ...(await evaluateKind(check, ctx)) };
  } catch (error) {
    if (error instanceof NoHelperImage) return { check: label, ...fail(ctx.t("diag.noHelperImage")) };
    if (error instanceof HelperTimeout)
      return { check: label, ...fail(ctx.t("diag.helperTimeout", { seconds: error.seconds })) };
    const failure = describeEngineFailure(error, { host: "", source: "" });
    const message =
      failure.reason === "error"
        ? ctx.t("diag.engineFailed", { message: (error as Error).message.split("\n")[0] ?? "" })
        : ctx.t("diag.engineSilent", { reason: failure.reason });
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
