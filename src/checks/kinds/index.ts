/**
 * The ordered registry of check kinds. The vocabulary, the JSON Schema, parsing, lint and evaluation
 * all read this list: a new kind is its own file, one line here, and its test.
 */
import type { CheckKind } from "../check-kind.js";
import { composeKind } from "./compose.js";
import { containerKind } from "./container.js";
import { dockerfileKind } from "./dockerfile.js";
import { execKind } from "./exec.js";
import { fileKind } from "./file.js";
import { happenedKind } from "./happened.js";
import { httpKind } from "./http.js";
import { imageKind } from "./image.js";
import { networkKind } from "./network.js";
import { volumeKind } from "./volume.js";

export const checkKindRegistry = [
  containerKind,
  imageKind,
  volumeKind,
  networkKind,
  composeKind,
  httpKind,
  execKind,
  fileKind,
  dockerfileKind,
  happenedKind,
] as const;

/** One check of a registered kind. */
export type PositiveCheck = (typeof checkKindRegistry)[number] extends infer K
  ? K extends CheckKind<string, infer T>
    ? T
    : never
  : never;

export type PositiveKind = PositiveCheck["kind"];

const byKey = new Map<string, CheckKind<string, PositiveCheck>>(
  checkKindRegistry.map((kind) => [kind.key, kind as unknown as CheckKind<string, PositiveCheck>]),
);

/** The kind of a check; every check that parsed has one. */
export function kindOf(check: PositiveCheck): CheckKind<string, PositiveCheck> {
  return byKey.get(check.kind) as CheckKind<string, PositiveCheck>;
}

export function kindByKey(key: string): CheckKind<string, PositiveCheck> | undefined {
  return byKey.get(key);
}
