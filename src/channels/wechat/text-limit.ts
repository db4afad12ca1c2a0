// WeChat text replies are limited in bytes (2048 for a passive reply), not characters: one Chinese character
// is 3 bytes of UTF-8 and an emoji 4. Long answers are split into several messages at natural breaks.
import type { Option } from "../../dialogue/reply.js";

export const DEFAULT_MAX_BYTES = 2000;

/**
 * Splits `text` into chunks of at most `maxBytes` UTF-8 bytes. Breaks at the last blank line that fits, else
 * the last newline, else between characters; the newlines at a break are dropped. A blank line in the first
 * half of a chunk loses to a newline in the second half, since each extra chunk is an extra message.
 * Never splits a surrogate pair, and avoids splitting a grapheme (an emoji with modifiers, a flag) unless
 * one alone exceeds the limit.
 */
export function splitByBytes(text: string, maxBytes = DEFAULT_MAX_BYTES): string[] {
  if (!(maxBytes >= 4)) throw new RangeError("maxBytes must be at least 4, the size of one character");
  const chunks: string[] = [];
  let rest = text;
  while (utf8Length(rest) > maxBytes) {
    const fits = fittingPrefix(rest, maxBytes);
    const head = rest.slice(0, fits);
    const cut = breakPoint(head);
    if (cut > 0) {
      chunks.push(head.slice(0, cut).replace(/\n+$/, ""));
      rest = rest.slice(cut).replace(/^\n+/, "");
    } else {
      const at = graphemeBoundary(rest, fits);
      chunks.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
  }
  chunks.push(rest);
  const nonEmpty = chunks.filter((chunk) => chunk.length > 0);
  return nonEmpty.length > 0 ? nonEmpty : [text];
}

/** Where to break `head`: the index of the newline(s) to break at, or -1 for none. */
function breakPoint(head: string): number {
  const blank = head.lastIndexOf("\n\n");
  const line = head.lastIndexOf("\n");
  const half = head.length / 2;
  if (blank >= half) return blank;
  if (line >= half) return line;
  return blank > 0 ? blank : line;
}

/** UTF-8 bytes of `text`; lone surrogates count 3, as Buffer encodes them (U+FFFD). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Length in UTF-16 units of the longest prefix, ending on a code point boundary, that fits in `maxBytes`. */
function fittingPrefix(text: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The last grapheme boundary at or before `at`; `at` itself (a code point boundary) if a grapheme is too long. */
function graphemeBoundary(text: string, at: number): number {
  // Only a short window is segmented: graphemes are short, and the text may be long.
  const start = Math.max(0, at - 64);
  let last = 0;
  for (const { index } of segmenter.segment(text.slice(start, at + 64))) {
    if (start + index > at) break;
    // The window's own start is not a real boundary (it may even split a surrogate pair).
    if (index > 0) last = start + index;
  }
  return last > 0 ? last : at;
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
