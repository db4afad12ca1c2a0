// The page's own UI strings (title, buttons, privacy note): the "web" keys of locales/<lang>/translation.json.
// What the bot says comes from the conversation core; these are only the page around it.
import type { Lang } from "../../catalogue/mod.js";
import { LANGS, translator } from "../../i18n/mod.js";

/** Every key the page uses; both locale files must have each of them under "web". */
export const WEB_STRING_KEYS = [
  "title",
  "tagline",
  "logLabel",
  "you",
  "bot",
  "inputLabel",
  "placeholder",
  "send",
  "optionsLabel",
  "restart",
  "delete",
  "switchLang",
  "controlsLabel",
  "privacy",
  "deleted",
  "waiting",
  "error",
  "noscript",
  "chooseSeveral",
  "confirmChoice",
  "clearChoice",
  "listSeparator",
  "actionsLabel",
  "answersTitle",
  "answersLabel",
  "change",
  "deleteConfirm",
  "deleteYes",
  "deleteNo",
  "handoutOpen",
] as const;

export type WebStringKey = (typeof WEB_STRING_KEYS)[number];
export type WebStrings = Readonly<Record<WebStringKey, string>>;

/** Reads a `lang` value from a request; anything but a supported language is undefined. */
export function parseLang(value: unknown): Lang | undefined {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
}

/** The page's strings in `lang` (a key missing there falls back to zh-CN, as everywhere). */
export function webStrings(lang: Lang): WebStrings {
  const t = translator(lang);
  return Object.fromEntries(WEB_STRING_KEYS.map((key) => [key, t(`web.${key}`)])) as WebStrings;
}
