/** Loads a pack folder: pack.yaml, its lessons and their translations, with every problem placed in a file. */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { findLinkLoop, readPackText, resolveInPack } from "./files.js";
import type { LessonUnderLint } from "./lint/rule.js";
import { lintLesson } from "./lint/rules.js";
import type { Lesson, LessonText, Pack } from "./model.js";
import { parsePrimaryLesson, parseTranslation } from "./parse-lesson.js";
import type { ParseMemo } from "./parse-memo.js";
import { byPosition, type Problem, problem } from "./problem.js";
import { packManifest } from "./schema.js";
import { unsafeTextProblem } from "./text-safety.js";
import { validateYaml } from "./yaml-source.js";

export interface LoadedPack {
  /** Undefined when pack.yaml itself cannot be used. */
  pack: Pack | undefined;
  problems: Problem[];
}

const top = { line: 1, column: 1 };

/** `memo` keeps files parsed between loads of a watched pack. */
export async function loadPack(dir: string, memo?: ParseMemo): Promise<LoadedPack> {
  const packDir = path.resolve(dir);
  const manifestFile = path.join(packDir, "pack.yaml");
  const problems: Problem[] = [];
  const isDir = await stat(packDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) return { pack: undefined, problems: [problem(packDir, top, "no such pack folder")] };

  const read = await readPackText(manifestFile);
  if (!read.ok) {
    const message = read.message.startsWith("cannot read")
      ? "no pack.yaml here: a pack folder needs one"
      : read.message;
    return { pack: undefined, problems: [problem(manifestFile, read.at, message)] };
  }
  const { value: manifest, yaml } = validateYaml(
    manifestFile,
    read.text,
    1,
    packManifest,
    "pack.yaml",
    problems,
  );
  if (!manifest || !yaml) return { pack: undefined, problems };
  for (const [lang, title] of Object.entries(manifest.title)) {
    const unsafe = unsafeTextProblem(manifestFile, yaml.locate(["title", lang]), "title", title);
    if (unsafe) problems.push(unsafe);
  }
  const languages = [
    manifest.language,
    ...Object.keys(manifest.title).filter((l) => l !== manifest.language),
  ];
  const pack: Pack = { id: manifest.id, dir: packDir, manifest, languages, lessons: [] };

  const seenIds = new Map<string, string>();
  const drafts: LessonUnderLint[] = [];
  for (const [index, entry] of manifest.lessons.entries()) {
    const at = yaml.locate(["lessons", index]);
    const resolved = await resolveInPack(packDir, packDir, entry);
    if (!resolved.ok) {
      problems.push(problem(manifestFile, at, `lesson ${resolved.message}`));
      continue;
    }
    const loaded = await loadLesson(pack, resolved.path, problems, memo);
    if (loaded?.draft) drafts.push(loaded.draft);
    const lesson = loaded?.lesson;
    if (!lesson) continue;
    const first = seenIds.get(lesson.id);
    if (first) {
      problems.push(problem(manifestFile, at, `duplicate lesson id "${lesson.id}" (also in ${first})`));
      continue;
    }
    seenIds.set(lesson.id, path.relative(packDir, lesson.file));
    pack.lessons.push(lesson);
  }
  const lintContext = { id: pack.id, dir: packDir, lessonIds: new Set(seenIds.keys()) };
  for (const draft of drafts) problems.push(...(await lintLesson(draft, lintContext)));
  return { pack, problems: problems.sort(byPosition) };
}

async function loadLesson(
  pack: Pack,
  file: string,
  problems: Problem[],
  memo: ParseMemo | undefined,
): Promise<{ lesson: Lesson | undefined; draft: LessonUnderLint } | undefined> {
  const read = await readPackText(file);
  if (!read.ok) {
    problems.push(problem(file, read.at, read.message));
    return undefined;
  }
  const parse = () => parsePrimaryLesson(read.text, file);
  const primary = memo ? memo.get("primary", file, read.text, parse) : parse();
  problems.push(...primary.problems);
  const meta = primary.meta;
  const draft: LessonUnderLint = {
    file,
    meta,
    steps: primary.steps,
    text: primary.text,
    filesDir: undefined,
    locateMeta: primary.locateMeta,
  };
  if (!meta) return { lesson: undefined, draft };

  const language = pack.manifest.language;
  const text: Record<string, LessonText> = { [language]: primary.text };
  const stepIds = primary.steps.map((s) => s.id);
  for (const { lang, file: translationFile } of await findTranslations(file)) {
    const inside = await resolveInPack(pack.dir, path.dirname(file), path.basename(translationFile));
    if (!inside.ok) {
      problems.push(problem(translationFile, top, `translation ${inside.message}`));
      continue;
    }
    if (lang === language) {
      problems.push(
        problem(translationFile, top, `"${lang}" is the pack's primary language: rename or remove this file`),
      );
      continue;
    }
    const translated = await loadTranslation(translationFile, meta.id, stepIds, primary, problems, memo);
    if (translated) text[lang] = translated;
  }

  let filesDir: string | undefined;
  if (meta.files) {
    const resolved = await resolveInPack(pack.dir, path.dirname(file), meta.files);
    const at = primary.locateMeta(["files"]);
    if (!resolved.ok) problems.push(problem(file, at, `files: ${resolved.message}`));
    else if (!(await stat(resolved.path)).isDirectory())
      problems.push(problem(file, at, "files: expected a folder"));
    else {
      const loop = await findLinkLoop(resolved.path);
      if (loop)
        problems.push(
          problem(
            file,
            at,
            `files: ${path.relative(pack.dir, loop)} links back to a folder above it (a loop): remove the link`,
          ),
        );
      else filesDir = resolved.path;
    }
  }

  const lesson: Lesson = {
    id: meta.id,
    packId: pack.id,
    file,
    meta,
    filesDir,
    primaryLanguage: language,
    languages: [language, ...Object.keys(text).filter((l) => l !== language)],
    text,
    steps: primary.steps,
  };
  for (const lang of pack.languages) {
    if (!text[lang]) {
      const expected = path.basename(file).replace(/\.md$/, `.${lang}.md`);
      problems.push(problem(file, top, `missing translation: no ${expected} (the pack promises ${lang})`));
    }
  }
  draft.filesDir = filesDir;
  return { lesson, draft };
}

async function loadTranslation(
  file: string,
  lessonId: string,
  stepIds: string[],
  primary: ReturnType<typeof parsePrimaryLesson>,
  problems: Problem[],
  memo: ParseMemo | undefined,
): Promise<LessonText | undefined> {
  const read = await readPackText(file);
  if (!read.ok) {
    problems.push(problem(file, read.at, read.message));
    return undefined;
  }
  const parse = () => parseTranslation(read.text, file);
  const translation = memo ? memo.get("translation", file, read.text, parse) : parse();
  problems.push(...translation.problems);
  if (translation.id !== undefined && translation.id !== lessonId) {
    problems.push(
      problem(file, { line: 2, column: 1 }, `id "${translation.id}" differs from the lesson's "${lessonId}"`),
    );
  }
  for (const id of stepIds) {
    if (!translation.stepLines.has(id)) {
      problems.push(
        problem(file, top, `missing step "${id}" (present in ${path.basename(primary.text.file)})`),
      );
    }
  }
  for (const [id, line] of translation.stepLines) {
    if (!stepIds.includes(id)) {
      problems.push(
        problem(file, { line, column: 1 }, `extra step "${id}": the primary file has no step with this id`),
      );
    }
  }
  for (const step of primary.steps) {
    const translated = translation.quizChoiceCounts.get(step.id);
    const original = primary.text.steps[step.id]?.quiz;
    if (original && translation.stepLines.has(step.id) && !translated) {
      problems.push(
        problem(
          file,
          { line: translation.stepLines.get(step.id) ?? 1, column: 1 },
          `step "${step.id}" lacks its quiz`,
        ),
      );
    } else if (original && translated && translated.count !== original.choices.length) {
      problems.push(
        problem(
          file,
          { line: translated.line, column: 1 },
          `quiz has ${translated.count} choices; the primary file has ${original.choices.length}`,
        ),
      );
    }
  }
  return translation.text;
}

/** Sibling files `name.xx.md` of `name.md`. */
async function findTranslations(file: string): Promise<{ lang: string; file: string }[]> {
  const dir = path.dirname(file);
  const stem = path.basename(file, ".md");
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.([a-z]{2})\\.md$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((name) => ({ match: pattern.exec(name), name }))
    .filter((entry): entry is { match: RegExpExecArray; name: string } => entry.match !== null)
    .map(({ match, name }) => ({ lang: match[1] as string, file: path.join(dir, name) }))
    .sort((a, b) => a.lang.localeCompare(b.lang));
}
