/** Field schemas several check kinds share. */
import { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { CheckReference } from "./check-kind.js";

export const name = z.string().min(1).max(255);
export const text = z.string().max(10_000);
export const stringMap = z.record(z.string(), z.string());

/** A container named directly, or the container(s) of one compose service. */
export const containerRef = z.union([name, z.strictObject({ project: name, service: name })]);
export type ContainerRef = z.infer<typeof containerRef>;
export const containerRefHint = "a container name, or {project, service}";

export const textMatch = z
  .strictObject({ contains: text.optional(), matches: text.optional() })
  .refine((m) => m.contains !== undefined || m.matches !== undefined, {
    message: "say what to look for with contains or matches",
  });

export const countRange = z.union([
  z.number().int().min(0),
  z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
]);

/** What a container reference names: a container, or a compose project. */
export function containerRefReference(ref: ContainerRef): CheckReference {
  return typeof ref === "string"
    ? { kind: "containers", name: ref }
    : { kind: "projects", name: ref.project };
}

/** `tutor-web`, or `tutor-app/web` for a compose service. */
export function refText(ref: ContainerRef): string {
  return typeof ref === "string" ? ref : `${ref.project}/${ref.service}`;
}

/** `container tutor-web`, or every container of a compose service, in the author's language. */
export function containerRefWords(ref: ContainerRef, t: Translate): string {
  return typeof ref === "string"
    ? t("check.container.subject", { name: ref })
    : t("check.service", { service: ref.service, project: ref.project });
}
