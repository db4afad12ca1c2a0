// The command menu Telegram shows next to the input field, in each supported language.
// /start is Telegram's own "Start" button and is handled without being listed.
import type { Api } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import type { Lang } from "../../catalogue/mod.js";
import { LANGS, translator } from "../../i18n/mod.js";

/** Listed in menu order; every one is understood by the conversation core (see understand/intent.ts). */
export const TELEGRAM_COMMANDS = ["restart", "back", "skip", "results", "lang", "help", "delete"] as const;

/** Telegram names languages by their ISO 639-1 code. */
const LANGUAGE_CODE: Readonly<Record<Lang, LanguageCode>> = { "zh-CN": "zh", en: "en" };

export function commandList(lang: Lang): BotCommand[] {
  const t = translator(lang);
  return TELEGRAM_COMMANDS.map((command) => ({ command, description: t(`telegram.commands.${command}`) }));
}

/**
 * Registers the menu for private chats (the only place the bot converses): `defaultLang` for everyone,
 * plus each language for users whose Telegram is set to it.
 */
export async function registerCommands(api: Api, defaultLang: Lang = "zh-CN"): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(commandList(defaultLang), { scope });
  for (const lang of LANGS) await api.setMyCommands(commandList(lang), { scope, language_code: LANGUAGE_CODE[lang] });
}
