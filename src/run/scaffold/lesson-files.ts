/** The text of a scaffolded pack.yaml and lesson files, from templates.ts and words.ts. */
import { stringify } from "yaml";
import {
  fill,
  modeline,
  packYaml,
  primaryLesson,
  scaffoldGreeting,
  scaffoldImage,
  translationLesson,
} from "./templates.js";
import { type ScaffoldWords, wordsFor } from "./words.js";

export interface LessonSpec {
  packId: string;
  lessonId: string;
  /** The pack's languages, its primary language first. */
  languages: string[];
  /** Where the front matter's schema is, relative to the lesson file; none: no modeline. */
  lessonSchema: string | undefined;
}

export interface ScaffoldFile {
  /** Relative to the pack folder. */
  name: string;
  text: string;
}

/** What the lesson owns: a container named after the pack and the lesson, so lessons never share it. */
export function lessonContainer(packId: string, lessonId: string): string {
  return `${packId}-${lessonId}`;
}

export function lessonFileName(lessonId: string, language: string, primary: boolean): string {
  return primary ? `${lessonId}.md` : `${lessonId}.${language}.md`;
}

/** The primary lesson file, then one translation per other language of the pack. */
export function lessonFiles(spec: LessonSpec): ScaffoldFile[] {
  const primaryFile = lessonFileName(spec.lessonId, spec.languages[0] ?? "en", true);
  return spec.languages.map((language, index) => {
    const primary = index === 0;
    const { words, translated } = wordsFor(language);
    const notes = [
      ...(translated ? [] : [words.toTranslate.replace("{lang}", language)]),
      ...(primary
        ? words.lessonNote
        : words.translationNote.map((l) => l.replaceAll("{primary}", primaryFile))),
    ];
    const values = {
      ...lessonWords(words, lessonContainer(spec.packId, spec.lessonId)),
      id: spec.lessonId,
      notes: notes.map((line) => `# ${line}\n`).join(""),
      modeline: spec.lessonSchema ? `${fill(modeline, { schema: spec.lessonSchema })}\n` : "",
    };
    const name = lessonFileName(spec.lessonId, language, primary);
    return { name, text: fill(primary ? primaryLesson : translationLesson, values) };
  });
}

function lessonWords(words: ScaffoldWords, container: string): Record<string, string> {
  const task = (text: string) =>
    text
      .replaceAll("{container}", container)
      .replaceAll("{image}", scaffoldImage)
      .replaceAll("{greeting}", scaffoldGreeting);
  const [right, wrong] = words.choices;
  return {
    container,
    image: scaffoldImage,
    greeting: scaffoldGreeting,
    title: yamlValue(words.title),
    summary: yamlValue(words.summary),
    resourcesNote: words.resourcesNote,
    intro: words.intro,
    aboutTitle: words.aboutTitle,
    aboutText: words.aboutText,
    quizTitle: words.quizTitle,
    question: yamlValue(words.question),
    rightChoice: yamlValue(right.text),
    rightExplain: yamlValue(right.explain),
    wrongChoice: yamlValue(wrong.text),
    wrongExplain: yamlValue(wrong.explain),
    taskTitle: words.taskTitle,
    taskText: task(words.taskText),
    hint1: task(words.hints[0]),
    hint2: task(words.hints[1]),
    hint3: task(words.hints[2]),
  };
}

export interface PackSpec {
  packId: string;
  languages: string[];
  lessonFile: string;
  /** docker-tutor's version, named in the note on the schemas. */
  version: string;
  packSchema: string;
}

/** pack.yaml, with the comments in the primary language and the schema modeline on its first line. */
export function packFile(spec: PackSpec): ScaffoldFile {
  const primary = spec.languages[0] ?? "en";
  const { words } = wordsFor(primary);
  const keyLines = {
    id: `id: ${spec.packId}`,
    title: "title:",
    language: `language: ${primary}`,
    lessons: "lessons:",
  };
  const column = Math.max(...Object.values(keyLines).map((l) => l.length)) + 2;
  const note = (key: keyof typeof keyLines) =>
    `${" ".repeat(column - keyLines[key].length)}# ${words.packNotes[key]}`;
  const titles = spec.languages.map((language) => {
    const { words: own, translated } = wordsFor(language);
    const mark = translated ? "" : `  # ${own.toTranslate.replace("{lang}", language)}`;
    return `  ${language}: ${yamlValue(own.packTitle)}${mark}\n`;
  });
  const text = fill(packYaml, {
    modeline: fill(modeline, { schema: spec.packSchema }),
    schemaNote: words.schemaNote.map((l) => `# ${l.replace("{version}", spec.version)}\n`).join(""),
    id: spec.packId,
    idNote: note("id"),
    titleNote: note("title"),
    titles: titles.join(""),
    language: primary,
    languageNote: note("language"),
    lessonsNote: note("lessons"),
    lessonFile: spec.lessonFile,
  });
  return { name: "pack.yaml", text };
}

/** A YAML scalar on one line, quoted only where YAML needs it. */
function yamlValue(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
