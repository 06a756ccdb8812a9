/**
 * The declarative check vocabulary: what a lesson's ```check blocks may say.
 * Each kind is a strict zod schema (the runtime validation and the static type at once);
 * a check is a YAML mapping with exactly one kind key, e.g. `container: tutor-web`.
 */
import { z } from "zod";

const name = z.string().min(1).max(255);
const text = z.string().max(10_000);
const stringMap = z.record(z.string(), z.string());

/** A container named directly, or the container(s) of one compose service. */
export const containerRef = z.union([name, z.strictObject({ project: name, service: name })]);
export type ContainerRef = z.infer<typeof containerRef>;

/** `8080:80`, `8080:80/tcp`, `127.0.0.1:8080:80/udp`: a port published on the host. */
const publishedPort = z
  .string()
  .regex(
    /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?\d{1,5}:\d{1,5}(?:\/(?:tcp|udp|sctp))?$/,
    'expected a published port like "8080:80" or "8080:80/tcp"',
  );
/** `80`, `80/tcp`: a port an image exposes. */
const exposedPort = z
  .union([z.number().int().min(1).max(65535), z.string().regex(/^\d{1,5}(?:\/(?:tcp|udp|sctp))?$/)])
  .transform(String);

const textMatch = z
  .strictObject({ contains: text.optional(), matches: text.optional() })
  .refine((m) => m.contains !== undefined || m.matches !== undefined, {
    message: "say what to look for with contains or matches",
  });

const countRange = z.union([
  z.number().int().min(0),
  z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
]);

/** Sizes as bytes or with a unit: 5MB, 1.5 GiB. */
const byteSize = z.union([
  z.number().int().min(0),
  z.string().regex(/^\s*\d+(?:\.\d+)?\s*(?:B|KB|MB|GB|KiB|MiB|GiB|kB)?\s*$/i, 'expected a size like "10MB"'),
]);

export const containerStates = ["created", "running", "paused", "restarting", "exited", "dead"] as const;
export const restartPolicies = ["no", "always", "unless-stopped", "on-failure"] as const;

export const containerCheck = z.strictObject({
  container: containerRef,
  state: z.enum(containerStates).optional(),
  exitCode: z.number().int().optional(),
  image: name.optional(),
  ports: z.array(publishedPort).optional(),
  mounts: z
    .array(
      z.strictObject({
        target: z.string().min(1),
        source: z.string().min(1).optional(),
        type: z.enum(["volume", "bind", "tmpfs"]).optional(),
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
  networks: z.array(name).optional(),
  env: stringMap.optional(),
  labels: stringMap.optional(),
  restart: z.enum(restartPolicies).optional(),
  logs: textMatch.optional(),
});

export const imageCheck = z.strictObject({
  image: name,
  labels: stringMap.optional(),
  env: stringMap.optional(),
  cmd: z.array(z.string()).optional(),
  entrypoint: z.array(z.string()).optional(),
  exposedPorts: z.array(exposedPort).optional(),
  workdir: z.string().optional(),
  user: z.string().optional(),
  layers: countRange.optional(),
  maxSize: byteSize.optional(),
});

export const volumeCheck = z.strictObject({
  volume: name,
  driver: name.optional(),
  file: z.strictObject({ path: z.string().startsWith("/"), contains: text.optional() }).optional(),
});

export const networkCheck = z.strictObject({
  network: name,
  driver: name.optional(),
  internal: z.boolean().optional(),
  containers: z.array(name).optional(),
  resolves: z.strictObject({ from: name, name: name }).optional(),
});

export const composeCheck = z.strictObject({
  compose: name,
  services: z.array(name).optional(),
  count: z.record(z.string(), z.number().int().min(0)).optional(),
});

export const httpCheck = z.strictObject({
  http: z.number().int().min(1).max(65535),
  path: z.string().startsWith("/").optional(),
  status: z.number().int().min(100).max(599).optional(),
  contains: text.optional(),
});

export const execCheck = z.strictObject({
  exec: containerRef,
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  exitCode: z.number().int().optional(),
  contains: text.optional(),
});

export const fileCheck = z.strictObject({
  file: z.string().min(1),
  exists: z.boolean().optional(),
  contains: text.optional(),
  matches: text.optional(),
});

/** An instruction pattern: a keyword, optionally followed by text its arguments contain: `COPY requirements.txt`. */
const instructionPattern = z
  .string()
  .regex(/^[A-Za-z]+(?:\s.*)?$/, 'expected an instruction like "RUN" or "COPY requirements.txt"');

export const dockerfileCheck = z.strictObject({
  dockerfile: z.string().min(1),
  from: name.optional(),
  stages: countRange.optional(),
  has: z.array(instructionPattern).optional(),
  lacks: z.array(instructionPattern).optional(),
  order: z.array(instructionPattern).min(2).optional(),
});

/** Every kind but `not`, keyed by the field that names it. */
export const kindSchemas = {
  container: containerCheck,
  image: imageCheck,
  volume: volumeCheck,
  network: networkCheck,
  compose: composeCheck,
  http: httpCheck,
  exec: execCheck,
  file: fileCheck,
  dockerfile: dockerfileCheck,
} as const;

export type PositiveKind = keyof typeof kindSchemas;
export const checkKinds = [...(Object.keys(kindSchemas) as PositiveKind[]), "not"] as const;
export type CheckKind = PositiveKind | "not";

export type ContainerCheck = z.infer<typeof containerCheck> & { kind: "container" };
export type ImageCheck = z.infer<typeof imageCheck> & { kind: "image" };
export type VolumeCheck = z.infer<typeof volumeCheck> & { kind: "volume" };
export type NetworkCheck = z.infer<typeof networkCheck> & { kind: "network" };
export type ComposeCheck = z.infer<typeof composeCheck> & { kind: "compose" };
export type HttpCheck = z.infer<typeof httpCheck> & { kind: "http" };
export type ExecCheck = z.infer<typeof execCheck> & { kind: "exec" };
export type FileCheck = z.infer<typeof fileCheck> & { kind: "file" };
export type DockerfileCheck = z.infer<typeof dockerfileCheck> & { kind: "dockerfile" };
export interface NotCheck {
  kind: "not";
  not: Check;
}

/** One declarative check, tagged with its kind. */
export type Check =
  | ContainerCheck
  | ImageCheck
  | VolumeCheck
  | NetworkCheck
  | ComposeCheck
  | HttpCheck
  | ExecCheck
  | FileCheck
  | DockerfileCheck
  | NotCheck;

/** JSON Schema of one check (for editors and the generated schemas/ folder). */
export function checkJsonSchema(): Record<string, unknown> {
  const variants = Object.values(kindSchemas).map((schema) => z.toJSONSchema(schema, { io: "input" }));
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
