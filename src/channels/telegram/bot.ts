// The Telegram channel: translates between Telegram updates and the conversation core, nothing more.
// Each private chat is one conversation, stored by ChatSessions under "telegram:<chat id>". Text and
// button taps go to the core as the user's input; its replies come back as plain-text messages with the
// options as inline buttons, the results with buttons for what comes next, and "print" with the handout as
// a file. Groups are refused (answers about a household do not belong in a group).
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type BotError, GrammyError, HttpError, type ApiClientOptions, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Turn } from "../../dialogue/mod.js";
import { translator, type Lang } from "../../i18n/mod.js";
import { silentLogger, type Logger } from "../../log/mod.js";
import type { ChatSessions } from "../chat-session.js";
import { perChat } from "./per-chat.js";
import { handoutDocument } from "./handout.js";
import { renderReply } from "./render.js";
import { resultsKeyboard } from "./results-keyboard.js";
import { TELEGRAM_MAX_TEXT } from "./split-text.js";

export interface TelegramBotOptions {
  /** The token from @BotFather. */
  readonly token: string;
  readonly sessions: ChatSessions;
  /** The bot's own user, to skip the getMe call (tests, serverless). */
  readonly botInfo?: UserFromGetMe;
  /** Options for grammY's API client (apiRoot, a fetch stub, ...). */
  readonly client?: ApiClientOptions;
  /** The language for a chat whose language is not known (yet). Default zh-CN, like ChatSessions. */
  readonly defaultLang?: Lang;
  /** Where operational lines go; they never contain message text or chat ids. Default: nowhere. */
  readonly log?: Logger;
  /** The clock for the handout's date; default: now. */
  readonly now?: () => Date;
}

/** Commands the core understands that a group may send; they are all answered with "talk to me privately". */
const GROUP_COMMANDS = ["start", "restart", "help", "lang", "back", "skip", "results", "summary", "delete"];

/** Chats whose language the bot remembers, for messages sent without a turn (a sticker's "please type"). */
const REMEMBERED_CHATS = 10_000;

export function sessionKey(chatId: number): string {
  return `telegram:${chatId}`;
}

export function createTelegramBot(options: TelegramBotOptions): Bot {
  const { token, sessions, botInfo, client, defaultLang = "zh-CN", log = silentLogger(), now = () => new Date() } = options;
  const bot = new Bot(token, { botInfo, client });
  const langs = new RecentLanguages(REMEMBERED_CHATS);
  const langOf = (chatId: number): Lang => langs.get(sessionKey(chatId)) ?? defaultLang;

  // Telegram answers 429 with retry_after when a bot sends too fast (a screening's results are several
  // messages at once). A short wait is waited out; a long one fails the call, so other chats do not wait.
  // A network failure is not retried here: start-up has its own logged retries (startup.ts), and a reply
  // that cannot be sent now is better reported than sent minutes late.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));

  /** Runs the core for this chat and remembers the chat's language. */
  async function converse(chatId: number, input: string): Promise<Turn> {
    const key = sessionKey(chatId);
    const turn = await sessions.handle(key, input);
    if (turn.effects.some((effect) => effect.type === "delete-data")) langs.delete(key);
    else langs.set(key, turn.state.lang);
    return turn;
  }

  /**
   * The turn's replies, then the handout when the turn asks for it; the last message of a turn that ends
   * at the results carries the results buttons, so they are always at the bottom of the chat.
   */
  async function send(ctx: Context, turn: Turn): Promise<void> {
    const messages = turn.replies.flatMap((reply) => renderReply(reply));
    const handout = turn.effects.some((effect) => effect.type === "handout") ? handoutDocument(turn.state, now()) : undefined;
    const keyboard = resultsKeyboard(turn.state);
    for (const [i, message] of messages.entries()) {
      const last = i === messages.length - 1 && !handout;
      await ctx.reply(message.text, { reply_markup: message.reply_markup ?? (last ? keyboard : undefined), link_preview_options: { is_disabled: true } });
    }
    if (handout) await ctx.replyWithDocument(handout.file, { caption: handout.caption, reply_markup: keyboard });
  }

  // Long polling stops the bot on an unhandled error; nothing should get here, but if it does, go on.
  bot.catch((err) => log.error({ event: "telegram.error", error: describeError(err.error) }, "update failed"));

  const safe = bot.errorBoundary(async (err) => {
    log.error({ event: "telegram.error", error: describeError(err.error) }, "update failed");
    await apologise(err, langOf);
  });
  safe.use(perChat(sessions));

  const dm = safe.chatType("private");

  // /start is Telegram's "Start" button. The core's restart keeps the language the user chose.
  dm.command(["start", "restart"], async (ctx) => send(ctx, await converse(ctx.chat.id, "/restart")));

  dm.command("delete", async (ctx) => {
    const key = sessionKey(ctx.chat.id);
    // The core's delete reports the user's language and deletes; forget() makes sure nothing is left
    // even when there was no conversation to delete.
    const turn = await converse(ctx.chat.id, "/delete");
    await sessions.forget(key);
    langs.delete(key);
    const t = translator(turn.state.lang);
    await ctx.reply(`${t("deleted")}\n${t("telegram.afterDelete")}`);
  });

  // Every other command (/help, /lang en, /back, /skip, /results) is text the core understands.
  dm.on("message:text", async (ctx) => send(ctx, await converse(ctx.chat.id, ctx.message.text)));

  dm.on("callback_query:data", async (ctx) => {
    const data = ctx.callbackQuery.data;
    let turn: Turn;
    try {
      turn = await converse(ctx.chat.id, data);
    } finally {
      // Stops the button's spinner; a query too old to answer is no reason to drop the turn.
      await ctx.answerCallbackQuery().catch(() => undefined);
    }
    await markChosen(ctx, data, turn.state.lang);
    await send(ctx, turn);
  });

  dm.on("message", async (ctx) => {
    await ctx.reply(translator(langOf(ctx.chat.id))("telegram.textOnly"));
  });

  safe.chatType(["group", "supergroup"]).command(GROUP_COMMANDS, async (ctx) => {
    await ctx.reply(translator(defaultLang)("telegram.privateOnly"));
  });

  // A tap the bot cannot use (a group, an inline message) still gets its spinner stopped.
  safe.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
  });

  return bot;
}

/**
 * Shows under the tapped question what was chosen, and removes its buttons, so the chat reads as a record.
 * Best effort: a message too old to edit keeps its buttons (tapping one again is harmless).
 */
async function markChosen(ctx: Context, data: string, lang: Lang): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || message.date === 0) return;
  const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
  const label = buttons.find((button) => "callback_data" in button && button.callback_data === data)?.text;
  const text = "text" in message ? message.text : undefined;
  const marked = text !== undefined && label !== undefined ? `${text}\n\n${translator(lang)("telegram.chosen", { label })}` : undefined;
  try {
    if (marked !== undefined && marked.length <= TELEGRAM_MAX_TEXT) await ctx.editMessageText(marked, { link_preview_options: { is_disabled: true } });
    else await ctx.editMessageReplyMarkup();
  } catch {
    // Not worth failing the turn over.
  }
}

/** Tells the user something failed, unless Telegram itself is what failed (the apology would too). */
async function apologise(err: BotError<Context>, langOf: (chatId: number) => Lang): Promise<void> {
  const { ctx } = err;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (err.error instanceof GrammyError || err.error instanceof HttpError || ctx.chat?.type !== "private") return;
  await ctx.reply(translator(langOf(ctx.chat.id))("telegram.failed")).catch(() => undefined);
}

/** An error in a few words: its kind and, for API errors, the method and Telegram's code (never a message text). */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.method} failed: ${error.error_code}`;
  if (error instanceof HttpError) return "network error";
  return error instanceof Error ? error.name : typeof error;
}

/** A bounded map of chat key to language; the least recently set entry goes first. */
class RecentLanguages {
  private readonly map = new Map<string, Lang>();

  constructor(private readonly limit: number) {}

  get(key: string): Lang | undefined {
    return this.map.get(key);
  }

  set(key: string, lang: Lang): void {
    this.map.delete(key);
    this.map.set(key, lang);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    this.map.delete(key);
  }
}
