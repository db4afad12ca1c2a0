// How a core Reply becomes Telegram messages: plain text (no parse_mode, so catalogue and user text need no
// escaping), split under the length limit, with the options as an inline keyboard on the last message.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Option, Reply } from "../../dialogue/mod.js";
import { splitText, TELEGRAM_MAX_TEXT } from "./split-text.js";

/** Telegram's limit for a button's callback_data, in UTF-8 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export interface OutgoingMessage {
  readonly text: string;
  readonly reply_markup?: InlineKeyboardMarkup;
}

/** One or more messages for `reply`; none for an empty reply (Telegram refuses empty text). */
export function renderReply(reply: Reply, maxChars = TELEGRAM_MAX_TEXT): OutgoingMessage[] {
  if (reply.text.trim() === "") return [];
  const chunks = splitText(reply.text, maxChars);
  const keyboard = inlineKeyboard(reply.options ?? [], reply.numbered !== false);
  return chunks.map((text, i) => (keyboard && i === chunks.length - 1 ? { text, reply_markup: keyboard } : { text }));
}

/**
 * One button per option. A button sends the option's value (e.g. "#m0.hukou=local"), which answers
 * exactly the question it belongs to even when tapped late. A value too long for callback_data falls
 * back to what a user could type: the label, else (for numbered options) the option's number; an
 * option none of these fit is left out, and the user can still type the answer.
 */
export function inlineKeyboard(options: readonly Option[], numbered = true): InlineKeyboardMarkup | undefined {
  const buttons: InlineKeyboardButton[] = [];
  options.forEach((option, i) => {
    const data = [option.value, option.label, numbered ? String(i + 1) : ""].find(fitsCallbackData);
    if (data !== undefined) buttons.push({ text: option.label, callback_data: data });
  });
  if (buttons.length === 0) return undefined;
  return { inline_keyboard: evenRows(buttons, buttonsPerRow(buttons.map((b) => b.text))) };
}

/** At most `perRow` items a row, the rows as even as possible: 4 short buttons become 2 + 2, not 3 + 1. */
export function evenRows<T>(items: readonly T[], perRow: number): T[][] {
  const rows = Math.ceil(items.length / perRow);
  const width = Math.ceil(items.length / rows);
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += width) result.push(items.slice(i, i + width));
  return result;
}

export function fitsCallbackData(data: string): boolean {
  const bytes = Buffer.byteLength(data, "utf8");
  return bytes >= 1 && bytes <= CALLBACK_DATA_MAX_BYTES;
}

/** Three short labels fit side by side on a phone, two medium ones; a long label gets its own row. */
export function buttonsPerRow(labels: readonly string[]): number {
  const widest = Math.max(...labels.map(displayWidth));
  if (widest <= 12) return 3;
  if (widest <= 20) return 2;
  return 1;
}

/** Roughly how many Latin letters wide `text` is: CJK, full-width forms and emoji count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}|[\u{20000}-\u{3fffd}]/u;
