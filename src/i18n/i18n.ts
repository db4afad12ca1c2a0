// Every user-facing string goes through i18next, with one translation file per language in locales/.
// Resources are read once at start-up; i18next then translates synchronously.
import i18next, { type TFunction } from "i18next";
import { join } from "node:path";
import { LOCALES_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";
import type { Lang } from "../catalogue/mod.js";

export type { Lang };
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

/** Whether `value` names a language the service speaks; the one check every reader of a language uses. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
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
  // i18next 27 turns empty strings into a fallback by default; an empty unit ("") is meant to be empty.
  returnEmptyString: true,
});

const fixed = new Map<Lang, Translate>();

/** A translator fixed to one language (the same function each time, so callers can cache by it). */
export function translator(lang: Lang): Translate {
  let t = fixed.get(lang);
  if (!t) fixed.set(lang, (t = remembering(instance.getFixedT(lang))));
  return t;
}

/** Distinct translations remembered per language; the map is emptied when it reaches this. */
const REMEMBERED_LIMIT = 5_000;

/**
 * i18next takes several microseconds per call here, and a results page makes hundreds of calls
 * that repeat from one conversation to the next. Calls whose options are plain values are
 * remembered by key and options; anything else goes straight to i18next.
 */
function remembering(t: TFunction): Translate {
  const remembered = new Map<string, string>();
  const call = t as unknown as (key: unknown, options?: Record<string, unknown>) => unknown;
  const wrapped = (key: unknown, options?: Record<string, unknown>): unknown => {
    const id = typeof key === "string" ? rememberKey(key, options) : undefined;
    if (id === undefined) return call(key, options);
    let text = remembered.get(id);
    if (text === undefined) {
      const result = call(key, options);
      if (typeof result !== "string") return result;
      if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
      remembered.set(id, (text = result));
    }
    return text;
  };
  return wrapped as unknown as Translate;
}

function rememberKey(key: string, options: Record<string, unknown> | undefined): string | undefined {
  let id = key;
  if (options === undefined) return id;
  for (const name in options) {
    const value = options[name];
    if (value !== undefined && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
    id += `\u0000${name}\u0001${String(value)}`;
  }
  return id;
}
