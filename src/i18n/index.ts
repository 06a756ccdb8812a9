/** UI strings per language, and the choice of language from flags and the environment. */
import { en, type MessageKey } from "./en.js";
import { fr } from "./fr.js";

export const uiLanguages = ["en", "fr"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

const catalogs: Record<UiLanguage, Record<MessageKey, string>> = { en, fr };

/** `--lang` wins; then LANGUAGE (its first entry), LC_ALL, LANG, as gettext does; English otherwise. */
export function detectLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): UiLanguage {
  const candidates = [flag, env.LANGUAGE?.split(":")[0], env.LC_ALL, env.LANG];
  for (const candidate of candidates) {
    const code = candidate?.slice(0, 2).toLowerCase();
    if (code && (uiLanguages as readonly string[]).includes(code)) return code as UiLanguage;
  }
  return "en";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Whether a count takes the singular: 1 in English; under 2 in French (0, 1, 1,5). */
const singular: Record<UiLanguage, (n: number) => boolean> = {
  en: (n) => n === 1,
  fr: (n) => Math.abs(n) < 2, // 0, 1 and 1,5 take the singular in French
};

/** Numbers as each language writes them: `0.5` in English, `0,5` in French; never grouped (ports, codes). */
const numberFormats: Record<UiLanguage, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en", { useGrouping: false, maximumFractionDigits: 20 }),
  fr: new Intl.NumberFormat("fr", { useGrouping: false, maximumFractionDigits: 20 }),
};

/**
 * `{name}` is replaced by the parameter (a number written as the language writes it); `{name:one|other}` picks the word that agrees with the number
 * `name`, by the language's rule (`{tasks} {tasks:task|tasks}`).
 */
export function translator(language: UiLanguage): Translate {
  const catalog = catalogs[language];
  return (key, params = {}) =>
    catalog[key]
      .replace(/\{(\w+):([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
        name in params ? (singular[language](Number(params[name])) ? one : other) : whole,
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) => {
        if (!(name in params)) return whole;
        const value = params[name];
        return typeof value === "number" ? numberFormats[language].format(value) : String(value);
      });
}

export type { MessageKey };
