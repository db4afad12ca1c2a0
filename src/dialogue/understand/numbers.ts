/**
 * Reads "the number the user means" out of free text: Arabic numerals,
 * Chinese numerals (including spoken abbreviations like 三千五 = 3500),
 * k/w shorthands and small English number words. Units and surrounding
 * words are ignored; two different numbers in one message ("3到5") are
 * treated as unreadable because we cannot know which one was meant.
 *
 * The scanner is a hand-written character loop rather than a big regex so
 * that no input can trigger catastrophic backtracking.
 */
import { normalize, MAX_LENGTH } from "./normalize.js";

/** A number found in text; `value` undefined means "looked numeric, could not read" (e.g. 三五千). */
export type NumberToken = { value: number | undefined; start: number; end: number };

// Indexed only by single characters, which no Object.prototype key is.
const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1,
  二: 2, 两: 2, 俩: 2, 贰: 2, 兩: 2, 貳: 2, 倆: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

// Maps, not object literals: user words such as "constructor" must not hit Object.prototype.
const ONES: ReadonlyMap<string, number> = new Map(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
}));
const TENS: ReadonlyMap<string, number> = new Map(Object.entries({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}));

/**
 * Regex source for "something that is probably a number" (no nested
 * quantifiers, so safe to embed). Used by duration/correction to find the
 * number next to a unit; the match is then read with parseNumber.
 */
const NUMERAL_CHARS = "0-9.,零〇一二两俩贰兩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿点";
export const NUMERAL_PATTERN =
  // The lookbehind stops a match starting mid-run, which keeps long digit
  // strings linear instead of quadratic.
  `(?:(?<![${NUMERAL_CHARS}])[${NUMERAL_CHARS}]+[kw]?` +
  "|(?<![a-z])(?:" + [...TENS.keys(), ...ONES.keys()].join("|") + ")(?![a-z]))";

/**
 * Words containing numeral characters that are not numbers (一起 "together",
 * 万一 "in case", 十分 "very", 一家三口 "family of three" where 三 is the
 * number). Removed before scanning so they cannot add a spurious "1".
 */
const NOT_NUMBERS =
  /一共|一起|一下|一般|一些|一直|一样|一定|一切|一会儿?|一边|一旦|一向|一律|一致|一家|统一|唯一|万一|千万|之一|十分(?!钟)|一点儿|一点点|有点|一点(?![0-9零〇一二两三四五六七八九])|百姓/g;

type El =
  | { kind: "num"; value: number; single: boolean; zero: boolean; zh: boolean }
  | { kind: "unit"; value: number; big: boolean };

const isAscii = (c: string | undefined): c is string => c !== undefined && c >= "0" && c <= "9";
const isLatin = (c: string | undefined): boolean => c !== undefined && c >= "a" && c <= "z";
const zhDigit = (c: string | undefined): number | undefined => (c === undefined ? undefined : DIGIT[c]);

/** Round away binary noise (1.2 * 10000) and refuse infinities from 400-digit input. */
function clean(v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  const r = Math.round(v * 1e6) / 1e6;
  return Number.isFinite(r) ? r : undefined;
}

/**
 * Evaluates one run of numeral characters.
 * Returns null when the run is not a number at all (a lone 万 in 万达),
 * undefined when it is numeric but ambiguous (三五千 "three-to-five thousand").
 */
function evaluate(els: El[]): number | undefined | null {
  const nums = els.filter((e) => e.kind === "num");
  const hasUnit = els.some((e) => e.kind === "unit");
  if (nums.length === 0) {
    // 十 on its own really is ten; 百/千/万 on their own are word parts.
    return els.length === 1 && els[0]?.value === 10 ? 10 : null;
  }
  if (!hasUnit) {
    if (nums.length === 1) return nums[0]!.value;
    // 二零二三 is read digit by digit; but 三四 means "three or four".
    const allZh = nums.every((n) => n.kind === "num" && n.zh && n.single);
    if (allZh && (nums.length >= 3 || nums.some((n) => n.kind === "num" && n.zero))) {
      return Number(nums.map((n) => String(n.value)).join(""));
    }
    return undefined;
  }
  let total = 0;
  let section = 0; // value below the current 万/亿 block
  let cur: Extract<El, { kind: "num" }> | undefined;
  let lastUnit = 0;
  let prevWasUnit = false;
  let zeroSeen = false;
  let curAbbreviable = false;
  for (const el of els) {
    if (el.kind === "num") {
      if (el.zero) {
        // 三千零五: the 零 marks a gap, so 五 is 5, not 500.
        if (cur) return undefined;
        zeroSeen = true;
        prevWasUnit = false;
        continue;
      }
      if (cur) return undefined; // two digits in a row inside a unit number: 一两千
      cur = el;
      curAbbreviable = el.single && prevWasUnit && !zeroSeen;
      prevWasUnit = false;
      zeroSeen = false;
    } else if (!el.big) {
      section += (cur ? cur.value : 1) * el.value; // 十八: implicit 一 before 十
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
    // Spoken abbreviation: 三千五 = 3500, 一万二 = 12000, 3万5 = 35000.
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
  s = s.replace(NOT_NUMBERS, (m) => " ".repeat(m.length));
  // Thousands separators: 3,500 and 1,000,000 (but "3,5" stays two numbers).
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, "$1_");
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (isAscii(c) || zhDigit(c) !== undefined || SMALL_UNIT[c] !== undefined || BIG_UNIT[c] !== undefined) {
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
        } else if (ch === "点" && last?.kind === "num" && (isAscii(s[i + 1]) || zhDigit(s[i + 1]) !== undefined)) {
          // 三点五 = 3.5: fraction digits are read one by one.
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
        } else if (SMALL_UNIT[ch] !== undefined) {
          els.push({ kind: "unit", value: SMALL_UNIT[ch]!, big: false });
          i++;
        } else if (BIG_UNIT[ch] !== undefined) {
          els.push({ kind: "unit", value: BIG_UNIT[ch]!, big: true });
          i++;
        } else break;
      }
      let value = bad ? undefined : evaluate(els);
      // 3k = 3000, 1.2w = 12000 (w = 万); "3kg" or "3 weeks" are not multipliers.
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
