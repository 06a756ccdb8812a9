/**
 * The declarative check vocabulary: what a lesson's ```check blocks may say. Each kind (kinds/) is a strict
 * zod schema, the runtime validation and the static type at once; a check is a YAML mapping with exactly
 * one kind key, e.g. `container: tutor-web`. `not:` wraps any check.
 */
import { z } from "zod";
import { checkKindRegistry, type PositiveCheck, type PositiveKind } from "./kinds/index.js";

export type { ComposeCheck } from "./kinds/compose.js";
export type { ContainerCheck } from "./kinds/container.js";
export type { DockerfileCheck } from "./kinds/dockerfile.js";
export type { ExecCheck } from "./kinds/exec.js";
export type { FileCheck } from "./kinds/file.js";
export type { HappenedCheck } from "./kinds/happened.js";
export type { HttpCheck } from "./kinds/http.js";
export type { ImageCheck } from "./kinds/image.js";
export type { NetworkCheck } from "./kinds/network.js";
export type { VolumeCheck } from "./kinds/volume.js";
export type { PositiveKind };

export interface NotCheck {
  kind: "not";
  not: Check;
}

/** One declarative check, tagged with its kind. */
export type Check = PositiveCheck | NotCheck;
export type CheckKindName = PositiveKind | "not";

/** Every kind key, in the registry's order, then `not`. */
export const checkKinds: readonly CheckKindName[] = [...checkKindRegistry.map((k) => k.key), "not"];

/** JSON Schema of one check (for editors and the generated schemas/ folder). */
export function checkJsonSchema(): Record<string, unknown> {
  const variants = checkKindRegistry.map((kind) => z.toJSONSchema(kind.schema, { io: "input" }));
  const notVariant = {
    type: "object",
    properties: { not: { $ref: "#/$defs/check" } },
    required: ["not"],
    additionalProperties: false,
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "docker-tutor checks (the YAML list in a ```check block)",
    type: "array",
    items: { $ref: "#/$defs/check" },
    $defs: { check: { anyOf: [...variants.map(stripSchemaKey), notVariant] } },
  };
}

function stripSchemaKey(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
