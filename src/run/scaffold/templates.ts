/**
 * The files `docker-tutor new` writes, as templates: `{{name}}` is filled in by lesson-files.ts (words
 * from words.ts, YAML values quoted where needed). Checks and the solution live in the primary file only.
 */

/** The image the scaffolded task uses (declared in `images:`) and what its container prints. */
export const scaffoldImage = "busybox:latest";
export const scaffoldGreeting = "Hello from busybox";

/** JSON Schemas copied into a new pack, and the modeline that points editors at them. */
export const schemasFolder = "schemas";
export const packSchemaFile = "pack.schema.json";
export const lessonSchemaFile = "lesson-front-matter.schema.json";
export const modelinePattern = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;
export const modeline = "# yaml-language-server: $schema={{schema}}";

export const packYaml = `{{modeline}}
{{schemaNote}}id: {{id}}{{idNote}}
title:{{titleNote}}
{{titles}}version: 0.1.0
language: {{language}}{{languageNote}}
lessons:{{lessonsNote}}
  - {{lessonFile}}
`;

export const primaryLesson = `---
{{modeline}}{{notes}}id: {{id}}
title: {{title}}
summary: {{summary}}
level: beginner
minutes: 5
images: [{{image}}]
# {{resourcesNote}}
resources:
  containers: [{{container}}]
---

{{intro}}

## {{aboutTitle}} {#about}

{{aboutText}}

## {{quizTitle}} {#quiz}

\`\`\`quiz
question: {{question}}
choices:
  - text: {{rightChoice}}
    correct: true
    explain: {{rightExplain}}
  - text: {{wrongChoice}}
    explain: {{wrongExplain}}
\`\`\`

## {{taskTitle}} {#run-a-container}

{{taskText}}

\`\`\`check
- container: {{container}}
  image: {{image}}
  state: exited
  exitCode: 0
  logs:
    contains: {{greeting}}
\`\`\`

\`\`\`hint
{{hint1}}
\`\`\`

\`\`\`hint
{{hint2}}
\`\`\`

\`\`\`hint
{{hint3}}
\`\`\`

\`\`\`solution
docker run --name {{container}} {{image}} echo "{{greeting}}"
\`\`\`
`;

export const translationLesson = `---
{{notes}}id: {{id}}
title: {{title}}
summary: {{summary}}
---

{{intro}}

## {{aboutTitle}} {#about}

{{aboutText}}

## {{quizTitle}} {#quiz}

\`\`\`quiz
question: {{question}}
choices:
  - text: {{rightChoice}}
    explain: {{rightExplain}}
  - text: {{wrongChoice}}
    explain: {{wrongExplain}}
\`\`\`

## {{taskTitle}} {#run-a-container}

{{taskText}}

\`\`\`hint
{{hint1}}
\`\`\`

\`\`\`hint
{{hint2}}
\`\`\`

\`\`\`hint
{{hint3}}
\`\`\`
`;

/** Fills `{{name}}` from values; a name without a value is a bug in the caller. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`scaffold template: no value for {{${name}}}`);
    return value;
  });
}
