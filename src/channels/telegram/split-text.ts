// Telegram refuses a message longer than 4,096 characters, counted in UTF-16 code units (as its
// entity offsets are). Long replies are split by the channels' shared splitter.
import { splitText as split } from "../split-text.js";

export const TELEGRAM_MAX_TEXT = 4096;

export function splitText(text: string, maxChars = TELEGRAM_MAX_TEXT): string[] {
  return split(text, maxChars, "utf16");
}
