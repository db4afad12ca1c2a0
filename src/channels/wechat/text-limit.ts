// WeChat text replies are limited in bytes (2048 for a passive reply), not characters: one Chinese character
// is 3 bytes of UTF-8 and an emoji 4. Long answers are split into several messages at natural breaks.
import type { Option } from "../../dialogue/mod.js";
import { measure, splitText } from "../split-text.js";

export const DEFAULT_MAX_BYTES = 2000;

/** Splits `text` into chunks of at most `maxBytes` UTF-8 bytes, at natural breaks (see ../split-text.ts). */
export function splitByBytes(text: string, maxBytes = DEFAULT_MAX_BYTES): string[] {
  return splitText(text, maxBytes, "utf8");
}

/** UTF-8 bytes of `text`; lone surrogates count 3, as Buffer encodes them (U+FFFD). */
export function utf8Length(text: string): number {
  return measure(text, "utf8");
}

/** The reply with its options as "1. label" lines below it, since WeChat text has no buttons. */
export function numberedOptions(text: string, options: readonly Option[] = []): string {
  if (options.length === 0) return text;
  return `${text}\n\n${options.map((option, i) => `${i + 1}. ${option.label}`).join("\n")}`;
}

/**
 * The option a user meant by typing its number ("2", a full-width 2, " 2. "), or undefined, in which case the channel
 * passes the text on as typed. Full-width digits are common on Chinese keyboards, hence NFKC.
 */
export function chosenOption(input: string, options: readonly Option[] = []): Option | undefined {
  const match = /^\s*(\d{1,3})\s*[.\u3001]?\s*$/.exec(input.normalize("NFKC"));
  return match ? options[Number(match[1]) - 1] : undefined;
}
