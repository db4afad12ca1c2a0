// Every user-facing string goes through i18next, with one translation file per language in locales/.
// Resources are read once at start-up; i18next then translates synchronously.
import i18next, { type TFunction } from "i18next";
import { join } from "node:path";
import { LOCALES_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";
import type { Lang } from "../catalogue/item.js";

export const LANGS: readonly Lang[] = ["zh-CN", "en"];
export type Translate = TFunction;

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  supportedLngs: [...LANGS],
  resources: Object.fromEntries(LANGS.map((lang) => [lang, { translation: readJsonFile<Record<string, unknown>>(join(LOCALES_DIR, lang, "translation.json")) }])),
  // Replies are plain text, not HTML: channels escape for their own formats.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const fixed = new Map<Lang, Translate>();

/** A translator fixed to one language (the same function each time, so callers can cache by it). */
export function translator(lang: Lang): Translate {
  let t = fixed.get(lang);
  if (!t) fixed.set(lang, (t = instance.getFixedT(lang)));
  return t;
}
