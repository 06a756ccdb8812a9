/** Schemas of `pack.yaml`, a lesson's front matter and a quiz block. Each is the runtime check and the type. */
import { z } from "zod";
import type { Resources } from "../world/resources.js";

/** Lesson and step ids: lowercase words joined by dashes. */
export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected lowercase letters, digits and dashes, e.g. first-container");

export const languageCode = z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code like "en"');

/**
 * A resource the lesson owns: an exact name, or a pattern with `*` that must start with `tutor-`,
 * so that no lesson can claim a learner's own things with a wide pattern.
 */
export const resourceName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !name.includes("*") || name.startsWith("tutor-"), {
    message: 'a pattern with * must start with "tutor-", e.g. tutor-web-*',
  })
  .refine((name) => /^[a-zA-Z0-9*][a-zA-Z0-9_.:/*-]*$/.test(name), {
    message: "a resource name holds letters, digits and _ . : / - (and * in a tutor- pattern)",
  });

export const resources = z.strictObject({
  containers: z.array(resourceName).default([]),
  images: z.array(resourceName).default([]),
  volumes: z.array(resourceName).default([]),
  networks: z.array(resourceName).default([]),
  projects: z.array(resourceName).default([]),
});
// The static shape lives in world/resources.ts, below the pack format; this schema must produce it.
const _resourcesMatch: z.infer<typeof resources> extends Resources ? true : never = true;
void _resourcesMatch;

export const imageReference = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._\-/:@]*$/, 'expected an image reference like "busybox:latest"');

export const levels = ["beginner", "intermediate", "advanced"] as const;

/**
 * What a lesson needs of the engine: an API version, BuildKit, a Compose major version, Docker itself
 * (`true`: the whole lesson; a list: those steps, which Podman's compatible API cannot do).
 */
export const engineNeeds = z.strictObject({
  minApi: z
    .string()
    .regex(/^1\.\d{1,3}$/, 'expected an API version like "1.44"')
    .optional(),
  buildkit: z.boolean().optional(),
  compose: z.union([z.literal(1), z.literal(2)]).optional(),
  docker: z.union([z.boolean(), z.array(slug)]).optional(),
});
export type EngineNeeds = z.infer<typeof engineNeeds>;

/** Front matter of a lesson's primary file. */
export const frontMatter = z.strictObject({
  id: slug,
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(1000),
  level: z.enum(levels),
  minutes: z.number().int().min(1).max(600),
  requires: z.array(slug).default([]),
  images: z.array(imageReference).default([]),
  resources: resources.default({ containers: [], images: [], volumes: [], networks: [], projects: [] }),
  files: z.string().min(1).optional(),
  engine: engineNeeds.optional(),
});
export type FrontMatter = z.infer<typeof frontMatter>;

/** Front matter of a translation: only what is said in words; the rest comes from the primary file. */
export const translationFrontMatter = z.strictObject({
  id: slug,
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(1000),
});

export const quizChoice = z.strictObject({
  text: z.string().min(1).max(2000),
  correct: z.boolean().default(false),
  explain: z.string().max(4000).optional(),
});

export const quiz = z.strictObject({
  question: z.string().min(1).max(4000),
  choices: z.array(quizChoice).min(2).max(12),
});
export type QuizBlock = z.infer<typeof quiz>;

export const packManifest = z.strictObject({
  id: slug,
  title: z.record(languageCode, z.string().min(1).max(200)).refine((t) => Object.keys(t).length > 0, {
    message: "give the title in at least one language, e.g. en: My pack",
  }),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'expected a version like "1.0.0"'),
  /** Language of the primary lesson files (the ones without a language suffix). */
  language: languageCode.default("en"),
  /** Lesson files, in teaching order, relative to the pack folder. */
  lessons: z.array(z.string().regex(/\.md$/, "a lesson file ends with .md")).min(1),
});
export type PackManifest = z.infer<typeof packManifest>;

/** JSON Schemas written into schemas/ so editors validate pack.yaml and front matter while authoring. */
export function packJsonSchemas(): Record<string, Record<string, unknown>> {
  const opts = { io: "input" } as const;
  return {
    "pack.schema.json": { title: "docker-tutor pack.yaml", ...z.toJSONSchema(packManifest, opts) },
    "lesson-front-matter.schema.json": {
      title: "docker-tutor lesson front matter",
      ...z.toJSONSchema(frontMatter, opts),
    },
    "quiz.schema.json": { title: "docker-tutor ```quiz block", ...z.toJSONSchema(quiz, opts) },
  };
}
