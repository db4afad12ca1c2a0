// The Telegram channel: a grammY bot over ChatSessions, run by long polling (main.ts) or a webhook.

// Commonly used
export { createTelegramBot, sessionKey, type TelegramBotOptions } from "./bot.js";
export { createTelegramWebhook, type TelegramWebhookOptions } from "./webhook.js";
export { registerCommands, commandList, TELEGRAM_COMMANDS } from "./commands.js";

// The pieces, for other channels and tests
export { renderReply, inlineKeyboard, fitsCallbackData, displayWidth, CALLBACK_DATA_MAX_BYTES, type OutgoingMessage } from "./render.js";
export { splitText, TELEGRAM_MAX_TEXT } from "./split-text.js";
export { perChat } from "./per-chat.js";
export { waitOnFloodControl, type FloodWaitOptions } from "./flood-wait.js";
export { describeError } from "./bot.js";
