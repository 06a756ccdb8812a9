/**
 * One check kind, whole: the key that names it in a ```check block, its schema (the runtime validation
 * and the static type), its label and its words for authors, the resources it names, and its evaluator. kinds/index.ts lists them
 * in order; parsing, the JSON Schema, lint and evaluation all read that list.
 */
import type { z } from "zod";
import type { Translate } from "../i18n/index.js";
import type { ResourceKind } from "../world/resources.js";
import type { CheckContext } from "./check-context.js";
import type { Outcome } from "./result.js";

/** A resource a check names, so lint and the evaluator can hold it to what the lesson owns. */
export interface CheckReference {
  kind: ResourceKind;
  name: string;
  /** The check only reads the name as text (a Dockerfile's FROM): lint wants it declared, the engine is not asked. */
  textOnly?: boolean;
}

export interface CheckKind<K extends string = string, T extends { kind: K } = { kind: K }> {
  key: K;
  // biome-ignore lint/suspicious/noExplicitAny: each kind's own strict object schema
  schema: z.ZodObject<any>;
  /** Words for union-typed fields, for lint messages: `container: "a container name, or {project, service}"`. */
  unionHints?: Record<string, string>;
  /** A short label: `container tutor-web`, `http 8080/`. */
  label(check: T): string;
  /**
   * The whole check in the author's language, for `preview`: `container tutor-web is running and publishes
   * 8080→80`. Optional so a kind can be written before its words; `checkInWords` falls back to `label`.
   */
  describe?(check: T, t: Translate): string;
  references(check: T): CheckReference[];
  /**
   * The verdict depends on containers the check does not name (http: whichever publishes the port), so
   * the tutor re-checks on events of every container the lesson owns.
   */
  dependsOnUnnamedContainers?: boolean;
  evaluate(check: T, ctx: CheckContext): Promise<Outcome>;
}

/** The check a schema describes, tagged with its kind. */
export type CheckOf<K extends string, S extends z.ZodType> = z.infer<S> & { kind: K };

export function defineCheckKind<K extends string, T extends { kind: K }>(
  kind: CheckKind<K, T>,
): CheckKind<K, T> {
  return kind;
}
