/**
 * Evaluates checks against the engine: one outcome per check, the independent checks of a step at once.
 * Checks look only at what the lesson owns (or declares, for images), whatever the pack says.
 */
import { describeEngineFailure } from "../engine/failure.js";
import { builtInNetworks, normalizeImageRef, owns } from "../lessons/ownership.js";
import type { CheckContext } from "./context.js";
import { fail, negate } from "./diagnosis.js";
import { NoHelperImage } from "./helper.js";
import { evaluateCompose } from "./kinds/compose.js";
import { evaluateContainer } from "./kinds/container.js";
import { evaluateDockerfile } from "./kinds/dockerfile.js";
import { evaluateExec } from "./kinds/exec.js";
import { evaluateFile } from "./kinds/file.js";
import { evaluateHttp } from "./kinds/http.js";
import { evaluateImage } from "./kinds/image.js";
import { evaluateNetwork } from "./kinds/network.js";
import { evaluateVolume } from "./kinds/volume.js";
import { checkReferences } from "./references.js";
import { type CheckResult, describeCheck, type Outcome } from "./result.js";
import type { Check } from "./vocabulary.js";

async function evaluateKind(check: Check, ctx: CheckContext): Promise<Outcome> {
  switch (check.kind) {
    case "not":
      return negate(await evaluateKind(check.not, ctx));
    case "container":
      return evaluateContainer(check, ctx);
    case "image":
      return evaluateImage(check, ctx);
    case "volume":
      return evaluateVolume(check, ctx);
    case "network":
      return evaluateNetwork(check, ctx);
    case "compose":
      return evaluateCompose(check, ctx);
    case "http":
      return evaluateHttp(check, ctx);
    case "exec":
      return evaluateExec(check, ctx);
    case "file":
      return evaluateFile(check, ctx);
    case "dockerfile":
      return evaluateDockerfile(check, ctx);
  }
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

/** All checks of a step, concurrently; results in the step's order. */
export function evaluateChecks(checks: Check[], ctx: CheckContext): Promise<CheckResult[]> {
  return Promise.all(checks.map((check) => evaluateCheck(check, ctx)));
}
