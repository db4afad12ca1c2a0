/**
 * Reads "the number the user means" out of free text: Arabic numerals,
 * Chinese numerals (including spoken abbreviations like san qian wu = 3500),
 * k/w shorthands and small English number words. Units and surrounding
 * words are ignored; two different numbers in one message ("3 to 5") are
 * treated as unreadable because we cannot know which one was meant.
 * The numeral characters themselves are in data/understand.json ("numbers").
 *
 * The scanner is a hand-written character loop rather than a big regex so
 * that no input can trigger catastrophic backtracking.
 */
import { normalize, MAX_LENGTH } from "./normalize.js";
import { LEX, alt, chars, charMap } from "./lexicon.js";

/** A number found in text; `value` undefined means "looked numeric, could not read" (e.g. san wu qian, 3-5 thousand). */
export type NumberToken = { value: number | undefined; start: number; end: number };

const L = LEX.numbers;
// Maps, not objects: user words such as "constructor" must not hit Object.prototype.
const DIGIT = charMap(L.digits);
const SMALL_UNIT = charMap(L.smallUnits);
const BIG_UNIT = charMap(L.bigUnits);
const POINT = L.decimalPoint;
const ONES: ReadonlyMap<string, number> = new Map(Object.entries(L.ones));
const TENS: ReadonlyMap<string, number> = new Map(Object.entries(L.tens));

/**
 * Regex source for "something that is probably a number" (no nested
 * quantifiers, so safe to embed). Used by duration/correction to find the
 * number next to a unit; the match is then read with parseNumber.
 */
const NUMERAL_CHARS = `0-9.,${chars(L.runChars)}`;
export const NUMERAL_PATTERN =
  // The lookbehind stops a match starting mid-run, which keeps long digit
  // strings linear instead of quadratic.
  `(?:(?<![${NUMERAL_CHARS}])[${NUMERAL_CHARS}]+[kw]?` +
  `|(?<![a-z])${alt([...TENS.keys(), ...ONES.keys()])}(?![a-z]))`;

/**
 * Words containing numeral characters that are not numbers ("together",
 * "in case", "very"). Removed before scanning so they cannot add a spurious "1".
 */
const NOT_NUMBERS = new RegExp(
  [
    alt(L.notNumbers),
    ...Object.entries(L.notNumbersExceptBefore).map(([w, next]) => `${alt([w])}(?![${chars(next)}])`),
  ].join("|"),
  "g",
);

/** Blanks the words that hold numerals but are no numbers ("together"), keeping every position. */
export function blankNotNumbers(text: string): string {
  return text.replace(NOT_NUMBERS, (m) => " ".repeat(m.length));
}

type El =
  | { kind: "num"; value: number; single: boolean; zero: boolean; zh: boolean }
  | { kind: "unit"; value: number; big: boolean };

const isAscii = (c: string | undefined): c is string => c !== undefined && c >= "0" && c <= "9";
const isLatin = (c: string | undefined): boolean => c !== undefined && c >= "a" && c <= "z";
const zhDigit = (c: string | undefined): number | undefined => (c === undefined ? undefined : DIGIT.get(c));

/** Round away binary noise (1.2 * 10000) and refuse infinities from 400-digit input. */
function clean(v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  const r = Math.round(v * 1e6) / 1e6;
  return Number.isFinite(r) ? r : undefined;
}

/**
 * Evaluates one run of numeral characters.
 * Returns null when the run is not a number at all (a lone wan inside a name),
 * undefined when it is numeric but ambiguous (san wu qian, "three-to-five thousand").
 */
function evaluate(els: El[]): number | undefined | null {
  const nums = els.filter((e) => e.kind === "num");
  const hasUnit = els.some((e) => e.kind === "unit");
  if (nums.length === 0) {
    // shi (10) on its own really is ten; bai/qian/wan on their own are word parts.
    return els.length === 1 && els[0]?.value === 10 ? 10 : null;
  }
  if (!hasUnit) {
    if (nums.length === 1) return nums[0]!.value;
    // er ling er san (2023) is read digit by digit; but san si means "three or four".
    const allZh = nums.every((n) => n.kind === "num" && n.zh && n.single);
    if (allZh && (nums.length >= 3 || nums.some((n) => n.kind === "num" && n.zero))) {
      return Number(nums.map((n) => String(n.value)).join(""));
    }
    return undefined;
  }
  let total = 0;
  let section = 0; // value below the current wan (10^4) / yi (10^8) block
  let cur: Extract<El, { kind: "num" }> | undefined;
  let lastUnit = 0;
  let prevWasUnit = false;
  let zeroSeen = false;
  let curAbbreviable = false;
  for (const el of els) {
    if (el.kind === "num") {
      if (el.zero) {
        // san qian ling wu (3005): the ling marks a gap, so wu is 5, not 500.
        if (cur) return undefined;
        zeroSeen = true;
        prevWasUnit = false;
        continue;
      }
      if (cur) return undefined; // two digits in a row inside a unit number: yi liang qian
      cur = el;
      curAbbreviable = el.single && prevWasUnit && !zeroSeen;
      prevWasUnit = false;
      zeroSeen = false;
    } else if (!el.big) {
      section += (cur ? cur.value : 1) * el.value; // shi ba (18): implicit one before ten
      cur = undefined;
      lastUnit = el.value;
      prevWasUnit = true;
      zeroSeen = false;
    } else {
      const part = section + (cur ? cur.value : 0);
      if (el.value >= 1e8) total = (total + (part || 1)) * el.value;
      else total += (part || 1) * el.value;
      section = 0;
      cur = undefined;
      lastUnit = el.value;
      prevWasUnit = true;
      zeroSeen = false;
    }
  }
  let tail = 0;
  if (cur) {
    // Spoken abbreviation: san qian wu = 3500, yi wan er = 12000, 3 wan 5 = 35000.
    tail = curAbbreviable && lastUnit >= 10 ? (cur.value * lastUnit) / 10 : cur.value;
  }
  return total + section + tail;
}

/**
 * Finds every number in already-normalised text, in order. Exported for the
 * other parsers (they need "is there any other number here?").
 */
export function scanNumbers(normalized: string): NumberToken[] {
  const out: NumberToken[] = [];
  if (typeof normalized !== "string" || normalized === "") return out;
  let s = normalized.length > MAX_LENGTH ? normalized.slice(0, MAX_LENGTH) : normalized;
  s = blankNotNumbers(s);
  // Thousands separators: 3,500 and 1,000,000 (but "3,5" stays two numbers).
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, "$1_");
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (isAscii(c) || zhDigit(c) !== undefined || SMALL_UNIT.has(c) || BIG_UNIT.has(c)) {
      const start = i;
      const els: El[] = [];
      let bad = false;
      while (i < s.length) {
        const ch = s[i]!;
        const last = els[els.length - 1];
        if (isAscii(ch)) {
          let j = i;
          let digits = "";
          while (isAscii(s[j]) || (s[j] === "_" && isAscii(s[j + 1]))) {
            if (s[j] !== "_") digits += s[j];
            j++;
          }
          if (s[j] === "." && isAscii(s[j + 1])) {
            digits += ".";
            j++;
            while (isAscii(s[j])) digits += s[j++];
          }
          els.push({ kind: "num", value: Number(digits), single: /^\d$/.test(digits), zero: false, zh: false });
          i = j;
        } else if (zhDigit(ch) !== undefined) {
          const v = zhDigit(ch)!;
          els.push({ kind: "num", value: v, single: true, zero: v === 0, zh: true });
          i++;
        } else if (ch === POINT && last?.kind === "num" && (isAscii(s[i + 1]) || zhDigit(s[i + 1]) !== undefined)) {
          // san dian wu = 3.5: fraction digits are read one by one.
          let j = i + 1;
          let frac = "";
          for (; j < s.length; j++) {
            const d = s[j];
            if (isAscii(d)) frac += d;
            else if (zhDigit(d) !== undefined) frac += String(zhDigit(d));
            else break;
          }
          if (!Number.isInteger(last.value)) bad = true;
          last.value = Number(`${last.value}.${frac}`);
          last.single = false;
          last.zero = false;
          i = j;
        } else if (SMALL_UNIT.has(ch)) {
          els.push({ kind: "unit", value: SMALL_UNIT.get(ch)!, big: false });
          i++;
        } else if (BIG_UNIT.has(ch)) {
          els.push({ kind: "unit", value: BIG_UNIT.get(ch)!, big: true });
          i++;
        } else break;
      }
      let value = bad ? undefined : evaluate(els);
      // 3k = 3000, 1.2w = 12000 (w = wan, ten thousand); "3kg" or "3 weeks" are not multipliers.
      const suffix = s[i];
      if ((suffix === "k" || suffix === "w") && !isLatin(s[i + 1]) && els[els.length - 1]?.kind === "num") {
        if (typeof value === "number") value *= suffix === "k" ? 1000 : 10000;
        i++;
      }
      if (value === null) continue;
      out.push({ value: value === undefined ? undefined : clean(value), start, end: i });
      continue;
    }
    if (isLatin(c) && !isLatin(s[i - 1])) {
      let j = i;
      while (isLatin(s[j])) j++;
      const word = s.slice(i, j);
      const tens = TENS.get(word);
      const ones = ONES.get(word);
      if (tens !== undefined) {
        // twenty-five / twenty five
        const m = /^[- ]([a-z]+)/.exec(s.slice(j, j + 12));
        const unit = m ? ONES.get(m[1]!) : undefined;
        if (m && unit !== undefined && unit >= 1 && unit <= 9) {
          out.push({ value: tens + unit, start: i, end: j + m[0].length });
          i = j + m[0].length;
          continue;
        }
        out.push({ value: tens, start: i, end: j });
      } else if (ones !== undefined) {
        out.push({ value: ones, start: i, end: j });
      }
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

/** The single number a message means, or undefined (none, unreadable, or several different ones). */
export function parseNumber(text: string): number | undefined {
  try {
    const tokens = scanNumbers(normalize(text));
    let value: number | undefined;
    for (const t of tokens) {
      if (t.value === undefined) return undefined;
      if (value === undefined) value = t.value;
      else if (Math.abs(value - t.value) > 1e-9) return undefined;
    }
    return value;
  } catch {
    return undefined;
  }
}
