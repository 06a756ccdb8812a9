/**
 * `happened:` checks: something the engine did during the step (a container attached to, killed, an image
 * pulled), read from its event log since the step began. Only events of what the lesson owns or declares
 * count, never those of the tutor's own helper containers or of the commands its `exec:` checks ran.
 */
import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import type { PastEvent } from "../../world/engine-events.js";
import { normalizeImageRef } from "../../world/image-refs.js";
import { composeProjectLabel, composeServiceLabel, helperLabel } from "../../world/labels.js";
import { owns } from "../../world/ownership.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, type CheckReference, defineCheckKind } from "../check-kind.js";
import { fail, mismatch, pass } from "../diagnosis.js";
import {
  commandMatches,
  containerActions,
  dockerAction,
  eventImage,
  eventText,
  execActions,
  imageActionSet,
  imageActions,
  sameImage,
  signalName,
  signalNumber,
} from "../event-vocabulary.js";
import type { Outcome } from "../result.js";
import { startRound } from "../round.js";
import {
  containerRef,
  containerRefHint,
  containerRefReference,
  containerRefWords,
  name,
  refText,
} from "../schema-parts.js";

const signal = z.union([z.string(), z.number().int()]).refine((value) => signalNumber(value) !== undefined, {
  message: "expected a signal such as SIGTERM, SIGKILL or 9",
});

export const happenedCheck = z.strictObject({
  happened: z
    .strictObject({
      action: z.enum([...containerActions, ...imageActions]).optional(),
      container: containerRef.optional(),
      image: name.optional(),
      command: z.string().min(1).max(1000).optional(),
      signal: signal.optional(),
      exitCode: z.number().int().optional(),
    })
    .superRefine((event, issues) => {
      const action = event.action;
      const only = (field: string, actions: string[]) => {
        if (action !== undefined && !actions.includes(action))
          issues.addIssue({
            code: "custom",
            path: [field],
            message: `only ${actions.join(" and ")} events carry it, not ${action}`,
          });
      };
      if (event.command !== undefined) only("command", ["exec_create", "exec_start"]);
      if (event.signal !== undefined) only("signal", ["kill"]);
      if (event.exitCode !== undefined) only("exitCode", ["die", "exec_die"]);
      if (action !== undefined && imageActionSet.has(action) && event.container !== undefined)
        issues.addIssue({
          code: "custom",
          path: ["container"],
          message: `${action} happens to an image: name the image, not a container`,
        });
    }),
});

export type HappenedCheck = CheckOf<"happened", typeof happenedCheck>;
type Wanted = HappenedCheck["happened"];

/** The wanted event in words: `kill of container tutor-ticker with SIGKILL`. */
export function wantedText(wanted: Wanted): string {
  const parts = [wanted.action ?? "an event"];
  if (wanted.container !== undefined) parts.push(`of container ${refText(wanted.container)}`);
  if (wanted.image !== undefined) {
    if (wanted.container !== undefined) parts.push(`from image ${wanted.image}`);
    else if (aboutContainers(wanted)) parts.push(`of a container from image ${wanted.image}`);
    else parts.push(`of image ${wanted.image}`);
  }
  if (wanted.command !== undefined) parts.push(`running ${JSON.stringify(wanted.command)}`);
  if (wanted.signal !== undefined) parts.push(`with ${signalName(signalNumber(wanted.signal) ?? 0)}`);
  if (wanted.exitCode !== undefined) parts.push(`with exit code ${wanted.exitCode}`);
  return parts.join(" ");
}

/**
 * Whether an event is the lesson's to count: about a container the lesson owns (by name or compose
 * project) or made from an image it owns or declares, or about such an image; and not the tutor's doing.
 */
function inScope(event: PastEvent, ctx: CheckContext, ownExecIds: Set<string>): boolean {
  const { attributes } = event;
  if (attributes[helperLabel] === "true") return false;
  // An exec is the learner's only when the engine says which exec it was and it is not one of the tutor's
  // (Podman 4 does not say: its execs never count).
  if (
    execActions.has(dockerAction(event)) &&
    (attributes.execID === undefined || ownExecIds.has(attributes.execID))
  )
    return false;
  const image = eventImage(event);
  const lessonImage =
    image !== undefined &&
    (owns(ctx.resources, "images", normalizeImageRef(image)) ||
      ctx.images.some((declared) => sameImage(declared, image)));
  if (event.type === "image") return lessonImage;
  if (event.type !== "container") return false;
  const project = attributes[composeProjectLabel];
  return (
    lessonImage ||
    owns(ctx.resources, "containers", attributes.name ?? "") ||
    (project !== undefined && owns(ctx.resources, "projects", project))
  );
}

/** Whether the event is about the container or image the check names (every event when it names none). */
function aboutSubject(event: PastEvent, wanted: Wanted): boolean {
  const { container, image } = wanted;
  if (container !== undefined) {
    if (event.type !== "container") return false;
    const { attributes } = event;
    const named =
      typeof container === "string"
        ? attributes.name === container
        : attributes[composeProjectLabel] === container.project &&
          attributes[composeServiceLabel] === container.service;
    if (!named) return false;
  }
  if (image !== undefined) {
    const of = eventImage(event);
    if (of === undefined || !sameImage(of, image)) return false;
  }
  return true;
}

function matches(event: PastEvent, wanted: Wanted): boolean {
  const action = dockerAction(event);
  if (wanted.action !== undefined && action !== wanted.action) return false;
  if (
    wanted.command !== undefined &&
    !(execActions.has(action) && commandMatches(wanted.command, event.detail))
  )
    return false;
  if (wanted.signal !== undefined) {
    const sent = event.attributes.signal;
    if (sent === undefined || signalNumber(sent) !== signalNumber(wanted.signal)) return false;
  }
  if (wanted.exitCode !== undefined && event.attributes.exitCode !== String(wanted.exitCode)) return false;
  return true;
}

/** An action that happens to containers (not to images) is wanted. */
function aboutContainers(wanted: Wanted): boolean {
  return wanted.action !== undefined && !imageActionSet.has(wanted.action);
}

/** `container tutor-ticker`, `image busybox`, `containers from image busybox`, or the lesson as a whole. */
function subjectText(wanted: Wanted, t: Translate): { text: string; plural: boolean } {
  if (wanted.container !== undefined) return { text: containerRefWords(wanted.container, t), plural: false };
  if (wanted.image !== undefined)
    return aboutContainers(wanted)
      ? { text: t("diag.happened.fromImage", { image: wanted.image }), plural: true }
      : { text: t("check.image.subject", { ref: wanted.image }), plural: false };
  return { text: t("diag.happened.lesson"), plural: true };
}

/** The last few distinct things that happened, oldest first: what the learner did instead. */
function seenText(events: PastEvent[], t: Translate): string {
  const words: string[] = [];
  for (const event of events.slice(-12)) {
    const text = eventText({ ...event, action: dockerAction(event) }, t);
    if (words.at(-1) !== text) words.push(text);
  }
  const shown = words.slice(-6);
  return `${words.length > shown.length ? "…, " : ""}${shown.join(", ")}`;
}

async function evaluateHappened(check: HappenedCheck, ctx: CheckContext): Promise<Outcome> {
  const wanted = check.happened;
  const round = ctx.round ?? startRound(ctx.docker, new AbortController().signal);
  const history = await round.history();
  const { t } = ctx;
  const expected = eventInWords(wanted, t);
  if ("unknown" in history)
    return fail(t("diag.happened.unknown", { why: t(`diag.happened.${history.unknown}`), expected }));
  const ownExecIds = ctx.ownExecs.ids();
  const relevant = history.events.filter(
    (event) => inScope(event, ctx, ownExecIds) && aboutSubject(event, wanted),
  );
  if (relevant.some((event) => matches(event, wanted))) return pass();
  const { text: subject, plural } = subjectText(wanted, t);
  if (relevant.length === 0)
    return mismatch(
      t,
      t(plural ? "diag.happened.noEventMany" : "diag.happened.noEventOne", { subject }),
      expected,
    );
  const events = seenText(relevant, t);
  return mismatch(
    t,
    t(plural ? "diag.happened.hadMany" : "diag.happened.hadOne", { subject, events }),
    expected,
  );
}

function references(check: HappenedCheck): CheckReference[] {
  const { container, image } = check.happened;
  const refs: CheckReference[] = [];
  if (container !== undefined) refs.push(containerRefReference(container));
  if (image !== undefined) refs.push({ kind: "images", name: image });
  return refs;
}

/** The wanted event in the learner's words: `the event kill for container tutor-ticker with signal SIGKILL`. */
function eventInWords(wanted: Wanted, t: Translate): string {
  const { action, container, image, command, signal, exitCode } = wanted;
  const facts: string[] = [];
  if (container !== undefined)
    facts.push(t("check.happened.container", { container: containerRefWords(container, t) }));
  if (image !== undefined) facts.push(t("check.happened.image", { image }));
  if (command !== undefined) facts.push(t("check.happened.command", { command }));
  if (signal !== undefined)
    facts.push(
      t("check.happened.signal", { signal: typeof signal === "number" ? signalName(signal) : signal }),
    );
  if (exitCode !== undefined) facts.push(t("check.happened.exitCode", { code: exitCode }));
  const event = action === undefined ? t("check.happened.anyEvent") : t("check.happened.event", { action });
  return [event, ...facts].join(" ");
}

function describeHappened(check: HappenedCheck, t: Translate): string {
  return t("check.happened.during", { event: eventInWords(check.happened, t) });
}

export const happenedKind = defineCheckKind<"happened", HappenedCheck>({
  key: "happened",
  schema: happenedCheck,
  unionHints: { container: containerRefHint },
  label: (check) => `happened ${wantedText(check.happened)}`,
  describe: describeHappened,
  references,
  // Without a container named, any of the lesson's containers may be the one the event is about.
  dependsOnUnnamedContainers: true,
  evaluate: evaluateHappened,
});
