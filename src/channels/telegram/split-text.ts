// Telegram refuses a message longer than 4,096 characters (counted in UTF-16 code units, as its entity
// offsets are). Long replies are split into several messages at natural breaks. WeChat's splitter
// (../wechat/text-limit.ts) counts UTF-8 bytes, which would cut Chinese text three times too often here.

export const TELEGRAM_MAX_TEXT = 4096;

/**
 * Splits `text` into chunks of at most `maxChars` UTF-16 code units. Breaks at the last blank line that
 * fits, else the last newline, else the last space, else between graphemes; the whitespace at a break is
 * dropped. A break in the first half of a chunk loses to a weaker one in the second half, since each extra
 * chunk is an extra message. Never splits a surrogate pair, and a grapheme (an emoji with modifiers, a flag)
 * only when one alone is longer than the limit.
 */
export function splitText(text: string, maxChars = TELEGRAM_MAX_TEXT): string[] {
  if (!(maxChars >= 2)) throw new RangeError("maxChars must be at least 2, the size of one character");
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const head = rest.slice(0, maxChars + 1);
    const cut = breakPoint(head, maxChars);
    if (cut > 0) {
      chunks.push(rest.slice(0, cut).replace(/\s+$/, ""));
      rest = rest.slice(cut).replace(/^\s+/, "");
    } else {
      const at = graphemeBoundary(rest, maxChars);
      chunks.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
  }
  chunks.push(rest);
  const nonEmpty = chunks.filter((chunk) => chunk.trim().length > 0);
  return nonEmpty.length > 0 ? nonEmpty : [text];
}

/**
 * Where to break: the index of the whitespace to break at, or -1. `head` is one character longer than
 * a chunk may be, so whitespace right after a full chunk is a break too.
 */
function breakPoint(head: string, maxChars: number): number {
  const half = maxChars / 2;
  const candidates = [head.lastIndexOf("\n\n"), head.lastIndexOf("\n"), lastSpace(head)];
  const late = candidates.find((at) => at >= half);
  if (late !== undefined) return late;
  return candidates.find((at) => at > 0) ?? -1;
}

function lastSpace(head: string): number {
  const match = /[ \t\u3000](?=[^ \t\u3000]*$)/.exec(head);
  return match ? match.index : -1;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The last grapheme boundary at or before `at`, else the last code point boundary at or before it. */
function graphemeBoundary(text: string, at: number): number {
  // Only a short window is segmented: graphemes are short, and the text may be long.
  const start = Math.max(0, at - 64);
  let last = 0;
  for (const { index } of segmenter.segment(text.slice(start, at + 64))) {
    if (start + index > at) break;
    // The window's own start is not a real boundary (it may even split a surrogate pair).
    if (index > 0) last = start + index;
  }
  if (last > 0) return last;
  return isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
