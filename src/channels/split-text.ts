// Channels cap message length: Telegram at 4,096 UTF-16 units, a WeChat passive reply at about
// 2,000 UTF-8 bytes (one Chinese character is 3 bytes). Long replies are split at natural breaks,
// the same way for both; only how length is counted differs.

export type LengthUnit = "utf16" | "utf8";

/**
 * Splits `text` into chunks of at most `max` units. Breaks at the last blank line that fits, else the
 * last newline, else the last space, else between graphemes; whitespace at a break is dropped. A break
 * in the first half of a chunk loses to a weaker one in the second half, since each extra chunk is an
 * extra message. Never splits a surrogate pair, and a grapheme (an emoji with modifiers, a flag) only
 * when one alone is longer than the limit.
 */
export function splitText(text: string, max: number, unit: LengthUnit): string[] {
  const smallest = unit === "utf8" ? 4 : 2;
  if (!(max >= smallest)) throw new RangeError(`the limit must be at least ${smallest}, the size of one character`);
  const chunks: string[] = [];
  let rest = text;
  while (measure(rest, unit) > max) {
    const fits = fittingPrefix(rest, max, unit);
    // One character past the limit: whitespace right after a full chunk is a break too.
    const head = rest.slice(0, fits + 1);
    const cut = breakPoint(head, fits);
    if (cut > 0) {
      chunks.push(rest.slice(0, cut).replace(/\s+$/, ""));
      rest = rest.slice(cut).replace(/^\s+/, "");
    } else {
      const at = graphemeBoundary(rest, fits);
      chunks.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
  }
  chunks.push(rest);
  const nonEmpty = chunks.filter((chunk) => chunk.trim().length > 0);
  return nonEmpty.length > 0 ? nonEmpty : [text];
}

export function measure(text: string, unit: LengthUnit): number {
  return unit === "utf8" ? Buffer.byteLength(text, "utf8") : text.length;
}

/** Length in UTF-16 units of the longest prefix, ending on a code point boundary, within `max`. */
function fittingPrefix(text: string, max: number, unit: LengthUnit): number {
  if (unit === "utf16") return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > max) break;
    bytes += size;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The index of the whitespace to break at within `head` (at most `fits`), or -1. */
function breakPoint(head: string, fits: number): number {
  const half = fits / 2;
  const candidates = [head.lastIndexOf("\n\n", fits), head.lastIndexOf("\n", fits), lastSpace(head.slice(0, fits + 1))];
  const late = candidates.find((at) => at >= half);
  if (late !== undefined) return late;
  return candidates.find((at) => at > 0) ?? -1;
}

function lastSpace(head: string): number {
  const match = /[ \t\u3000](?=[^ \t\u3000]*$)/.exec(head);
  return match ? match.index : -1;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The last grapheme boundary at or before `at`, else `at` (a code point boundary). */
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
