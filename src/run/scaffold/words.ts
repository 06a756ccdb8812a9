/**
 * What a scaffolded pack and lesson say, per language: English and French are written out; any other
 * language gets the English words, marked as still to translate (see templates.ts).
 */

export interface ScaffoldWords {
  /** Comment lines at the top of a primary lesson's front matter. */
  lessonNote: string[];
  /** Comment lines at the top of a translation's front matter ({primary}: the primary file's name). */
  translationNote: string[];
  /** The comment above `resources:`. */
  resourcesNote: string;
  title: string;
  summary: string;
  intro: string;
  aboutTitle: string;
  aboutText: string;
  quizTitle: string;
  question: string;
  /** The right answer first, then the wrong one (the quiz keeps this order in every language). */
  choices: [{ text: string; explain: string }, { text: string; explain: string }];
  taskTitle: string;
  /** {container}, {image} and {greeting} are filled in. */
  taskText: string;
  /** A staircase: the idea, then the option, then nearly the command (see docs/authoring.md). */
  hints: [string, string, string];
  /** pack.yaml: its title, and the comments beside its fields. */
  packTitle: string;
  packNotes: { id: string; title: string; language: string; lessons: string };
  /** Lines explaining the schema modeline ({version}: docker-tutor's version). */
  schemaNote: string[];
  /** The mark on words left in English ({lang}: the language they are for). */
  toTranslate: string;
}

const en: ScaffoldWords = {
  lessonNote: [
    "Made by `docker-tutor new`: put your own words in place of these, keep the step ids ({#...})",
    "the same in every language, then run `docker-tutor lint` and `docker-tutor verify` on the pack.",
  ],
  translationNote: [
    "A translation of {primary}: only id, title and summary here; the steps keep the same ids and",
    "choices, and checks and solutions come from {primary}.",
  ],
  resourcesNote: "what the lesson owns: the only names its checks look at and the tutor may remove",
  title: "Run a first container",
  summary: "Start a container from the busybox image and read what it printed.",
  intro:
    "In this lesson you run a container from a tiny image and check what it printed. The tutor watches\nyour Docker engine and moves on by itself as soon as a task is done.",
  aboutTitle: "Images and containers",
  aboutText:
    "An **image** is a packaged file system: a program and everything it needs. A **container** is that\nprogram running, isolated from the rest of your machine. `busybox` is a tiny image (about a megabyte)\nwith the usual Unix tools, handy for trying things out.",
  quizTitle: "Quick check",
  question: "Where do a container's files come from?",
  choices: [
    {
      text: "From its image",
      explain: "Yes: `docker run IMAGE` creates a container from the image's file system and starts it.",
    },
    {
      text: "From the host's own folders",
      explain: "No: a container sees its image's files, not the host's (unless you mount a folder).",
    },
  ],
  taskTitle: "Run a container",
  taskText:
    "Run a container named `{container}` from the image `{image}`\nthat prints `{greeting}` and exits. The tutor notices by itself once it has run.",
  hints: [
    "A container runs one command from its image and stops when that command ends. Which docker command creates a container and starts it?",
    "`docker run` takes its options first (`--name` gives the container its name), then the image, then the command to run in it.",
    '`docker run --name {container} {image} echo "{greeting}"`',
  ],
  packTitle: "My Docker lessons",
  packNotes: {
    id: "lowercase letters, digits, dashes",
    title: "one title per language the pack promises",
    language: "language of the lesson files without a language suffix",
    lessons: "lesson files, in teaching order (`docker-tutor new lesson ID` adds one)",
  },
  schemaNote: [
    "The line above lets editors with a YAML language server (VS Code's YAML extension, for one) check",
    "this file as you type. schemas/ holds the JSON Schemas of docker-tutor {version}, copied into the",
    "pack so that this works offline and in every clone; copy them again from the schemas/ folder of a",
    "newer docker-tutor's package when you upgrade.",
  ],
  toTranslate: "To translate into {lang}: this text is still the English one.",
};

const fr: ScaffoldWords = {
  lessonNote: [
    "Créé par `docker-tutor new` : remplacez ces textes par les vôtres, gardez les mêmes identifiants",
    "d'étape ({#...}) dans chaque langue, puis lancez `docker-tutor lint` et `docker-tutor verify` sur le pack.",
  ],
  translationNote: [
    "Traduction de {primary} : seulement id, title et summary ici ; les étapes gardent les mêmes",
    "identifiants et les mêmes choix, et les vérifications et solutions viennent de {primary}.",
  ],
  resourcesNote:
    "ce que la leçon possède : les seuls noms que ses vérifications regardent et que le tuteur peut supprimer",
  title: "Lancer un premier conteneur",
  summary: "Démarrer un conteneur depuis l'image busybox et lire ce qu'il a affiché.",
  intro:
    "Dans cette leçon, vous lancez un conteneur depuis une toute petite image et vérifiez ce qu'il a\naffiché. Le tuteur observe votre moteur Docker et passe tout seul à la suite dès qu'un exercice est réussi.",
  aboutTitle: "Images et conteneurs",
  aboutText:
    "Une **image** est un système de fichiers empaqueté : un programme et tout ce dont il a besoin. Un\n**conteneur** est ce programme en train de tourner, isolé du reste de votre machine. `busybox` est une\ntoute petite image (environ un mégaoctet) qui réunit les outils Unix habituels, pratique pour essayer.",
  quizTitle: "Petite vérification",
  question: "D'où viennent les fichiers d'un conteneur ?",
  choices: [
    {
      text: "De son image",
      explain:
        "Oui : `docker run IMAGE` crée un conteneur à partir du système de fichiers de l'image et le démarre.",
    },
    {
      text: "Des dossiers de l'hôte",
      explain:
        "Non : un conteneur voit les fichiers de son image, pas ceux de l'hôte (sauf si vous montez un dossier).",
    },
  ],
  taskTitle: "Lancer un conteneur",
  taskText:
    "Lancez depuis l'image `{image}` un conteneur nommé `{container}`\nqui affiche `{greeting}` puis s'arrête. Le tuteur le remarque tout seul dès qu'il a tourné.",
  hints: [
    "Un conteneur exécute une commande de son image et s'arrête quand elle se termine. Quelle commande docker crée un conteneur et le démarre ?",
    "`docker run` prend d'abord ses options (`--name` donne son nom au conteneur), puis l'image, puis la commande à y exécuter.",
    '`docker run --name {container} {image} echo "{greeting}"`',
  ],
  packTitle: "Mes leçons Docker",
  packNotes: {
    id: "lettres minuscules, chiffres, tirets",
    title: "un titre par langue que le pack promet",
    language: "langue des fichiers de leçon sans suffixe de langue",
    lessons: "fichiers de leçon, dans l'ordre (`docker-tutor new lesson ID` en ajoute un)",
  },
  schemaNote: [
    "La ligne ci-dessus permet aux éditeurs dotés d'un serveur de langage YAML (l'extension YAML de VS Code,",
    "par exemple) de vérifier ce fichier pendant la saisie. schemas/ contient les schémas JSON de",
    "docker-tutor {version}, copiés dans le pack pour que cela marche hors ligne et dans chaque clone ;",
    "recopiez-les depuis le dossier schemas/ du paquet d'un docker-tutor plus récent quand vous le mettez à jour.",
  ],
  toTranslate: "À traduire en {lang} : ce texte est encore celui en anglais.",
};

const written: Record<string, ScaffoldWords> = { en, fr };

/** The words for a language, and whether they still need translating (any language but en and fr). */
export function wordsFor(language: string): { words: ScaffoldWords; translated: boolean } {
  const words = written[language];
  return words ? { words, translated: true } : { words: en, translated: false };
}
