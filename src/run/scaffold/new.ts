/**
 * `new pack` and `new lesson`: a pack, or a lesson in an existing pack, in every language the pack
 * promises, that lints clean and verifies as written. Nothing is ever overwritten: each refusal is a
 * TutorError (2: the command line is wrong; 1: writing would replace something), and files are created
 * with O_EXCL, so a file that appears meanwhile is refused too.
 */
import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { TutorError } from "../../errors.js";
import type { Translate } from "../../i18n/index.js";
import { jsonSchemaFiles } from "../../pack/json-schemas.js";
import { loadPack } from "../../pack/load-pack.js";
import { languageCode, slug } from "../../pack/schema.js";
import { lessonFileName, lessonFiles, packFile, type ScaffoldFile } from "./lesson-files.js";
import { addLessonEntry, lessonSchemaFromManifest } from "./manifest.js";
import { lessonSchemaFile, packSchemaFile, schemasFolder } from "./templates.js";

export interface ScaffoldReport {
  made: "pack" | "lesson";
  packId: string;
  packDir: string;
  lessonId: string;
  /** Files made, as absolute paths, in the order written; the schemas folder as one entry. */
  created: string[];
  /** pack.yaml, when a lesson was added to it. */
  updated: string | undefined;
}

const defaultLanguages = "en,fr";
const defaultFirstLesson = "first-lesson";

export interface NewPackOptions {
  id?: string;
  languages?: string;
  lesson?: string;
  version: string;
}

export async function newPack(dir: string, options: NewPackOptions, t: Translate): Promise<ScaffoldReport> {
  const packDir = path.resolve(dir);
  await refuseUnlessEmpty(packDir, dir, t);
  const packId = options.id ?? path.basename(packDir);
  if (!slug.safeParse(packId).success)
    throw new TutorError(
      t("new.badPackId", { id: packId }),
      t("new.packIdFix", { id: suggestId(packId) }),
      2,
    );
  const languages = parseLanguages(options.languages ?? defaultLanguages, t);
  const lessonId = validLessonId(options.lesson ?? defaultFirstLesson, t);

  const lessonSchema = `./${schemasFolder}/${lessonSchemaFile}`;
  const lessons = lessonFiles({ packId, lessonId, languages, lessonSchema });
  const manifest = packFile({
    packId,
    languages,
    lessonFile: lessonFileName(lessonId, languages[0] as string, true),
    version: options.version,
    packSchema: `./${schemasFolder}/${packSchemaFile}`,
  });
  const schemas = Object.entries(jsonSchemaFiles()).map(([name, text]) => ({
    name: path.join(schemasFolder, name),
    text,
  }));
  const madeDir = await mkdir(packDir, { recursive: true }).catch(cannotWrite(dir, t));
  await mkdir(path.join(packDir, schemasFolder)).catch(cannotWrite(dir, t));
  const created = await createAll(packDir, dir, [manifest, ...lessons, ...schemas], t).catch(
    async (error) => {
      // createAll removed its files; the folders go too, when they are empty.
      await rmdir(path.join(packDir, schemasFolder)).catch(() => undefined);
      if (madeDir) await rmdir(packDir).catch(() => undefined);
      throw error;
    },
  );
  const listed = created.filter((f) => path.dirname(f) === packDir);
  return {
    made: "pack",
    packId,
    packDir,
    lessonId,
    created: [...listed, path.join(packDir, schemasFolder)],
    updated: undefined,
  };
}

export async function newLesson(dir: string, id: string, t: Translate): Promise<ScaffoldReport> {
  const lessonId = validLessonId(id, t);
  const packDir = path.resolve(dir);
  const manifestFile = path.join(packDir, "pack.yaml");
  if (!(await stat(packDir).catch(() => undefined))?.isDirectory())
    throw new TutorError(t("new.noPackFolder", { dir }), t("new.noPackFix"), 2);
  const text = await readFile(manifestFile, "utf8").catch(() => undefined);
  if (text === undefined) throw new TutorError(t("new.noManifest", { dir }), t("new.noPackFix"), 2);
  const { pack } = await loadPack(packDir);
  if (!pack) throw new TutorError(t("new.packProblems", { dir }), t("new.packProblemsFix", { dir }), 1);

  const taken = pack.lessons.find((lesson) => lesson.id === lessonId);
  if (taken)
    throw new TutorError(
      t("new.idTaken", { id: lessonId, pack: pack.id, file: path.relative(packDir, taken.file) }),
      t("new.takenFix"),
      1,
    );
  const lessonSchema = lessonSchemaFromManifest(text, packSchemaFile, lessonSchemaFile);
  const files = lessonFiles({ packId: pack.id, lessonId, languages: pack.languages, lessonSchema });
  const primary = (files[0] as ScaffoldFile).name;
  if (pack.manifest.lessons.some((entry) => path.normalize(entry) === primary))
    throw new TutorError(t("new.listed", { file: primary }), t("new.takenFix"), 1);
  for (const file of files) await refuseExisting(packDir, file.name, dir, t);
  const edited = addLessonEntry(text, primary);
  if (edited === undefined)
    throw new TutorError(t("new.cannotList", { file: primary }), t("new.cannotListFix"), 1);

  const created = await createAll(packDir, dir, files, t);
  await replaceFile(manifestFile, edited).catch(async (error) => {
    await Promise.all(created.map((f) => rm(f, { force: true })));
    return cannotWrite(manifestFile, t)(error);
  });
  return { made: "lesson", packId: pack.id, packDir, lessonId, created, updated: manifestFile };
}

function validLessonId(id: string, t: Translate): string {
  if (!slug.safeParse(id).success) throw new TutorError(t("new.badId", { id }), t("new.idRule"), 2);
  return id;
}

/** `en,fr` → ["en", "fr"]: two-letter codes, each once, the primary language first. */
function parseLanguages(list: string, t: Translate): string[] {
  const languages = list.split(",").map((l) => l.trim());
  const valid = languages.every((l) => languageCode.safeParse(l).success);
  if (!valid || new Set(languages).size !== languages.length)
    throw new TutorError(t("new.badLanguages", { languages: list }), t("new.languagesFix"), 2);
  return languages;
}

/** A folder name as a pack id would be: lowercase, dashes for the rest. */
function suggestId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
  return slug.safeParse(id).success ? id : "my-pack";
}

/** `shown` is the folder as the user named it, for messages. */
async function refuseUnlessEmpty(dir: string, shown: string, t: Translate): Promise<void> {
  const found = await lstat(dir).catch(() => undefined);
  if (!found) return;
  if (!found.isDirectory()) throw new TutorError(t("new.notFolder", { dir: shown }), t("new.notEmptyFix"), 1);
  if ((await readdir(dir)).length > 0)
    throw new TutorError(t("new.notEmpty", { dir: shown }), t("new.notEmptyFix"), 1);
}

async function refuseExisting(dir: string, name: string, shown: string, t: Translate): Promise<void> {
  // lstat: a dangling symlink is something too.
  if (await lstat(path.join(dir, name)).catch(() => undefined))
    throw new TutorError(t("new.fileTaken", { file: name, dir: shown }), t("new.takenFix"), 1);
}

/** Creates each file, never replacing one; on a clash, removes what it made and refuses. */
async function createAll(dir: string, shown: string, files: ScaffoldFile[], t: Translate): Promise<string[]> {
  const created: string[] = [];
  for (const { name, text } of files) {
    const file = path.join(dir, name);
    try {
      await writeFile(file, text, { flag: "wx" });
    } catch (error) {
      await Promise.all(created.map((f) => rm(f, { force: true })));
      if ((error as NodeJS.ErrnoException).code === "EEXIST")
        throw new TutorError(t("new.fileTaken", { file: name, dir: shown }), t("new.takenFix"), 1);
      return cannotWrite(file, t)(error);
    }
    created.push(file);
  }
  return created;
}

/** A folder or file that cannot be written (no permission, a full disk): exit 2, as for report files. */
function cannotWrite(file: string, t: Translate): (error: unknown) => never {
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new TutorError(t("new.cannotWrite", { file, code }), t("new.cannotWriteFix"), 2);
  };
}

/** pack.yaml replaced whole or not at all (the file a symlink points to), keeping its permissions. */
async function replaceFile(file: string, text: string): Promise<void> {
  const target = await realpath(file);
  const { mode } = await stat(target);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, { flag: "wx" });
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
