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

export function translator(language: UiLanguage): Translate {
  const catalog = catalogs[language];
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export type { MessageKey };
