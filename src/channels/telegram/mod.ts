// The Telegram channel: a grammY bot over ChatSessions, run by long polling (main.ts) or a webhook.
import type { Route } from "../../http/mod.js";
import { createTelegramWebhook, type TelegramWebhookOptions } from "./webhook.js";

// Commonly used
export { createTelegramBot, sessionKey, type TelegramBotOptions } from "./bot.js";
export { createTelegramWebhook, parseUpdate, MAX_UPDATE_BYTES, type TelegramWebhookOptions } from "./webhook.js";
export { startInBackground, type BotStartup, type StartupOptions } from "./startup.js";
export { registerCommands, commandList, TELEGRAM_COMMANDS } from "./commands.js";

// The pieces, for tests
export { renderReply, inlineKeyboard, evenRows, fitsCallbackData, displayWidth, CALLBACK_DATA_MAX_BYTES, type OutgoingMessage } from "./render.js";
export { resultsKeyboard, MAX_LINE_BUTTONS } from "./results-keyboard.js";
export { handoutDocument, type HandoutDocument } from "./handout.js";
export { splitText, TELEGRAM_MAX_TEXT } from "./split-text.js";
export { perChat, chatKey } from "./per-chat.js";
export { describeError } from "./bot.js";

export const TELEGRAM_PATH = "/telegram";

export function telegramRoutes(options: TelegramWebhookOptions): Route[] {
  return [{ path: TELEGRAM_PATH, handle: createTelegramWebhook(options), budget: "webhook" }];
}
