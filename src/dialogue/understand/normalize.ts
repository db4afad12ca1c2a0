/**
 * One canonical shape for user text, so every parser downstream only has to
 * recognise one spelling of each thing (half-width digits, lower-case Latin,
 * single spaces) and never sees input long enough to be slow.
 */
import { LEX } from "./lexicon.js";

/** Longest normalised string we ever hand to a parser; real answers are short. */
export const MAX_LENGTH = 500;

/**
 * Raw input is cut *before* NFKC too: NFKC can expand characters, and running
 * it over a 10 MB paste would be the slowest thing in the whole bot.
 */
const MAX_RAW = MAX_LENGTH * 4;

/**
 * NFKC already maps circled and parenthesised digits to digits, but not the
 * dingbat/double-circled blocks phone keyboards also offer. Each block (listed
 * in data/understand.json, "normalize") counts 1..10 from its first character.
 */
const DIGIT_BLOCKS: readonly (readonly [number, number])[] = LEX.normalize.digitBlocks.map(
  ([from, to]) => [from.codePointAt(0) ?? 0, to.codePointAt(0) ?? 0] as const,
);
const DINGBAT = new RegExp(`[${DIGIT_BLOCKS.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join("")}]`, "gu");

function dingbatDigit(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  for (const [from, to] of DIGIT_BLOCKS) {
    if (cp >= from && cp <= to) return String(cp - from + 1);
  }
  return ch;
}

export function normalize(text: string): string {
  // Callers may be plain JS or pass through `unknown`: be total, not strict.
  if (typeof text !== "string") return "";
  try {
    let s = text.length > MAX_RAW ? text.slice(0, MAX_RAW) : text;
    // Full-width digits, letters and punctuation (U+FF10, U+FF21, U+FF0C...) -> half-width.
    s = s.normalize("NFKC");
    s = s.replace(DINGBAT, dingbatDigit);
    // Phone keyboards type curly quotes ("don’t"); English matching wants '.
    s = s.replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"');
    // Invisible format characters (zero-width space, BOM, ZWJ) carry no meaning.
    s = s.replace(/\p{Cf}/gu, "");
    // Control characters and any Unicode separator become plain spaces.
    s = s.replace(/[\p{Cc}\p{Z}\s]+/gu, " ").trim();
    s = s.toLowerCase();
    if (s.length > MAX_LENGTH) {
      let end = MAX_LENGTH;
      // Do not leave half a surrogate pair at the cut.
      const last = s.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end -= 1;
      s = s.slice(0, end).trim();
    }
    return s;
  } catch {
    return "";
  }
}
