// An offline Telegram: a fixture bot user, fake updates, and every outgoing API call captured by a
// transformer that never calls the network (a fetch stub that throws backs that up).
import type { InputFile } from "grammy";
import type { Message, Update, UserFromGetMe, InlineKeyboardMarkup } from "grammy/types";
import { ChatSessions } from "../../../src/channels/chat-session.js";
import { createTelegramBot, type TelegramBotOptions } from "../../../src/channels/telegram/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { capturedLog } from "../../helpers/log.js";

export const botInfo: UserFromGetMe = {
  id: 424242,
  is_bot: true,
  first_name: "Services Bot",
  username: "sd_services_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface Call {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

export interface SentMessage {
  readonly message_id: number;
  readonly chat_id: number;
  /** The text, or a document's caption. */
  readonly text: string;
  readonly reply_markup?: InlineKeyboardMarkup;
  /** A sendDocument's file, as the bot handed it to grammY. */
  readonly document?: InputFile;
}

type IncomingMessage = NonNullable<Update["message"]>;

const noNetwork = (() => Promise.reject(new Error("network access in a test"))) as unknown as NonNullable<NonNullable<TelegramBotOptions["client"]>["fetch"]>;

export interface HarnessOptions {
  readonly sessions?: ChatSessions;
  readonly store?: MemoryStore;
  /** Delay, in ms, of every fake API call (to let concurrent updates interleave if they could). */
  readonly apiDelayMs?: number;
  /** The bot's clock (the handout's date). */
  readonly now?: () => Date;
}

export function harness(options: HarnessOptions = {}) {
  const store = options.store ?? new MemoryStore();
  const sessions = options.sessions ?? new ChatSessions(store);
  const log = capturedLog();
  const logs = log.lines;
  const bot = createTelegramBot({ token: "123456:TEST-TOKEN", sessions, botInfo, client: { fetch: noNetwork }, log: log.logger, now: options.now });
  const calls: Call[] = [];
  const sent: SentMessage[] = [];
  let messageId = 1000;
  let updateId = 1;

  bot.api.config.use(async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: p });
    if (options.apiDelayMs) await new Promise((resolve) => setTimeout(resolve, options.apiDelayMs));
    let result: unknown = true;
    if (method === "sendMessage") {
      const message: SentMessage = { message_id: ++messageId, chat_id: p.chat_id as number, text: p.text as string, reply_markup: p.reply_markup as InlineKeyboardMarkup | undefined };
      sent.push(message);
      result = { message_id: message.message_id, date: 1_700_000_000, chat: { id: message.chat_id, type: "private", first_name: "Test" }, text: message.text };
    }
    if (method === "sendDocument") {
      const document = p.document as InputFile;
      const message: SentMessage = { message_id: ++messageId, chat_id: p.chat_id as number, text: (p.caption as string | undefined) ?? "", reply_markup: p.reply_markup as InlineKeyboardMarkup | undefined, document };
      sent.push(message);
      const file = { file_id: `f${message.message_id}`, file_unique_id: `u${message.message_id}`, file_name: document.filename };
      result = { message_id: message.message_id, date: 1_700_000_000, chat: { id: message.chat_id, type: "private", first_name: "Test" }, caption: message.text, document: file };
    }
    return { ok: true, result } as never;
  });

  const user = (chatId: number) => ({ id: chatId, is_bot: false, first_name: "Test", language_code: "zh-hans" });
  const privateChat = (chatId: number) => ({ id: chatId, type: "private" as const, first_name: "Test" });

  function message(chatId: number, extra: Partial<Message>): Update {
    return { update_id: updateId++, message: { message_id: ++messageId, date: 1_700_000_000, chat: privateChat(chatId), from: user(chatId), ...extra } as IncomingMessage };
  }

  return {
    bot,
    store,
    sessions,
    calls,
    sent,
    logs,
    /** A text message; a leading "/word" is marked as a bot command, as Telegram does. */
    text(chatId: number, text: string): Promise<void> {
      const command = /^\/\w+(@\w+)?/.exec(text);
      const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
      return bot.handleUpdate(message(chatId, { text, ...(entities ? { entities } : {}) }));
    },
    sticker(chatId: number): Promise<void> {
      return bot.handleUpdate(
        message(chatId, { sticker: { file_id: "s1", file_unique_id: "u1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } }),
      );
    },
    /** Taps the button with `data` on the latest message that has it (or on a message without it). */
    tap(chatId: number, data: string): Promise<void> {
      const carrier = [...sent].reverse().find((m) => m.chat_id === chatId && buttons(m).some((b) => b.callback_data === data));
      const tapped = carrier ?? { message_id: 1, chat_id: chatId, text: "?" };
      return bot.handleUpdate({
        update_id: updateId++,
        callback_query: {
          id: `cq${updateId}`,
          from: user(chatId),
          chat_instance: "ci",
          data,
          message: {
            message_id: tapped.message_id,
            date: 1_700_000_000,
            chat: privateChat(chatId),
            // A document's words are its caption, as Telegram sends them.
            ...("document" in tapped && tapped.document ? { caption: tapped.text, document: { file_id: "f", file_unique_id: "u" } } : { text: tapped.text }),
            ...(tapped.reply_markup ? { reply_markup: tapped.reply_markup } : {}),
          } as Message,
        },
      });
    },
    groupCommand(chatId: number, text: string): Promise<void> {
      return bot.handleUpdate({
        update_id: updateId++,
        message: {
          message_id: ++messageId,
          date: 1_700_000_000,
          chat: { id: chatId, type: "group", title: "Group" },
          from: user(7),
          text,
          entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
        } as IncomingMessage,
      });
    },
    /** Messages sent since `from` (an index into `sent`). */
    since(from: number): SentMessage[] {
      return sent.slice(from);
    },
    methods(): string[] {
      return calls.map((c) => c.method);
    },
  };
}

export function buttons(message: SentMessage): { text: string; callback_data: string }[] {
  return (message.reply_markup?.inline_keyboard.flat() ?? []).map((b) => ({ text: b.text, callback_data: (b as { callback_data: string }).callback_data }));
}
