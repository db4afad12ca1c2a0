/**
 * Ages in the words people use: "68", "seventy-three le", "7 shi 3", "68 sui", "jin nian 68", a birth
 * year (this year minus it), "next month I turn 65" (64), "8 months" (a baby: 0, and 8 months).
 * An approximate age ("almost seventy", "eighty-odd", "seventy-ish", a nominal xusui age, "seventy
 * or eighty") is not recorded: the bot asks for the exact age. Words are in data/understand.json
 * ("facts.age", "literals.ages").
 */
import { LEX, ZH_DIGITS, ZH_NUMERALS, alt, chars, words } from "./lexicon.js";
import { doubt, fact } from "./mentions.js";
import { parseNumber, scanNumbers } from "./numbers.js";
import type { SegmentReader } from "./segment-reader.js";

const A = LEX.facts.age;
const W = (name: string) => alt(words("ages", name));
const DIGIT = `[${chars(ZH_DIGITS)}]`;
/** A number in digits, in Chinese numerals, or both mixed ("6 shi 8" is 68). */
const NUM = `([0-9${chars(ZH_NUMERALS)}]{1,4})`;
/** A short count: a wait of "two" months, "half" a year. */
const WAIT = `([0-9]{1,2}|[${chars(ZH_NUMERALS)}]{1,2}|${W("half")})`;
const TEN = W("tens");
const YEARS = `(?:${alt(A.suffix)})`;
/** Not followed by a unit that makes the number something else (a stay, money, a count). */
const NOT_UNIT = `(?!\\s*(?:${alt(words("ages", "notAfterNumber"))})(?!${W("notAfterYear")}))`;
const STATE = W("stateAfter");

type Handler = (m: RegExpExecArray, r: SegmentReader) => void;

const exact = (n: number | undefined, r: SegmentReader) => {
  if (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 130) r.add(fact("age", n));
};
/** "two thousand-odd" is money, not an age: only a number an age can be is asked about. */
const approx = (n: number | undefined, r: SegmentReader) => {
  if (n === undefined || (n >= 0 && n <= 130)) r.add(doubt("age", "approximate", n));
};

/** "in two months I turn 70": 69 now; "in two years I turn 70" is only about 68, and asked. */
function until(m: RegExpExecArray, r: SegmentReader): void {
  const target = num(m[3]!);
  if (target === undefined) return;
  const half = new RegExp(`^${W("half")}$`, "u").test(m[1]!);
  const wait = half ? 0.5 : num(m[1]!);
  const years = new RegExp(`^${W("untilYear")}$`, "u").test(m[2]!);
  if (wait === undefined || wait <= 0) return;
  // Within a year ("two months", "half a year"): one less now.
  if (years ? half : wait < 12) exact(target - 1, r);
  else approx(target - Math.ceil(years ? wait : wait / 12), r);
}

const PATTERNS: readonly (readonly [RegExp, Handler])[] = [
  // "seventy and three": the tens, a joining word, the ones
  [new RegExp(`(?<![0-9${chars(ZH_NUMERALS)}])(${DIGIT}|[1-9])${TEN}(?:${W("tensAnd")})(${DIGIT}|[0-9])(?![0-9${chars(ZH_NUMERALS)}])${NOT_UNIT}`, "u"), (m, r) => exact(num(m[1]!)! * 10 + num(m[2]!)!, r)],
  // "two more months and I am 70" (69 now); "after the new year I am 80" (a nominal age: asked)
  [new RegExp(`(?:${W("untilLead")})\\s*${WAIT}\\s*(${W("untilMonth")}|${W("untilYear")})\\s*(?:${W("untilThen")})?\\s*${NUM}\\s*(?:${YEARS}|${STATE})?`, "u"), until],
  [new RegExp(`(?:${W("newYear")})\\s*(?:${W("untilThen")})?\\s*${NUM}\\s*(?:${YEARS}|${STATE})?`, "u"), (m, r) => approx(num(m[1]!), r)],
  // forty-five or -six: a range of years
  [new RegExp(`${DIGIT}${TEN}(${DIGIT})(${DIGIT})(?:${YEARS}|${STATE})?`, "u"), (_, r) => approx(undefined, r)],
  // one year and three months (15 months)
  [new RegExp(`${NUM}\\s*${YEARS}\\s*(?:${W("zero")})?\\s*([0-9]{1,2}|[${chars(ZH_NUMERALS)}]{1,2})\\s*(?:${W("monthUnit")})`, "u"), (m, r) => babyAge(num(m[1]!), num(m[2]!) ?? 0, r)],
  [new RegExp(`(?:${alt(A.turningEn)})\\s*([0-9]{1,3})(?:\\s*next (?:month|year))?`, "u"), (m, r) => exact(/next|turning|will turn/.test(m[0]) ? num(m[1]!)! - 1 : num(m[1]!), r)],
  [/(?<![0-9])([1-9]0)(?:-?something|-ish|s)(?![a-z])/u, (m, r) => approx(num(m[1]!), r)],
  // a birth year, four digits or two
  [new RegExp(`((?:19|20)?[0-9]{2}|[${chars(ZH_DIGITS)}]{2,4})\\s*(?:${alt(A.birth)})`, "u"), (m, r) => exact(birthAge(m[1]!, r.context.year), r)],
  [new RegExp(`(?:${alt(A.birthEn)})\\s*((?:19|20)[0-9]{2})`, "u"), (m, r) => exact(birthAge(m[1]!, r.context.year), r)],
  // seventy or eighty: two neighbouring digits are a range
  [new RegExp(`(${DIGIT})(${DIGIT})${TEN}(?:${YEARS}|${STATE})?`, "u"), (_, r) => approx(undefined, r)],
  // turning 65 next month = 64 now
  [new RegExp(`(?:${alt(A.turning)})\\s*${NUM}\\s*${YEARS}?`, "u"), (m, r) => exact(num(m[1]!) === undefined ? undefined : num(m[1]!)! - 1, r)],
  // "almost seventy" (only where it is an age: a years word after it)
  [new RegExp(`(?:${alt(A.approxBefore)})\\s*${NUM}\\s*(?:${YEARS}|${STATE})`, "u"), (m, r) => approx(num(m[1]!), r)],
  [new RegExp(`${NUM}\\s*(?:${alt(A.approxAfter)})\\s*(?:${YEARS}|${STATE})?`, "u"), (m, r) => (isAgeContext(r) || new RegExp(YEARS, "u").test(m[0]) ? approx(num(m[1]!), r) : undefined)],
  // a year and a half; "8 months old"
  [new RegExp(`${NUM}\\s*${YEARS}\\s*(?:${W("half")})`, "u"), (m, r) => babyAge(num(m[1]!), 6, r)],
  [new RegExp(`${NUM}\\s*(?:${W("monthsOld")})`, "u"), (m, r) => babyMonths(num(m[1]!), r)],
  [new RegExp(`(?:${alt(A.reached)})\\s*${NUM}\\s*${YEARS}?${NOT_UNIT}`, "u"), (m, r) => exact(num(m[1]!), r)],
  [new RegExp(`${NUM}\\s*${YEARS}`, "u"), (m, r) => exact(num(m[1]!), r)],
  [new RegExp(`${NUM}\\s*(?:${alt(A.suffixEn)})`, "u"), (m, r) => exact(num(m[1]!), r)],
  // "this year 68", "age seventy"
  [new RegExp(`(?:${alt(A.lead)})\\s*(?:${W("leadFillers")})?\\s*${NUM}${NOT_UNIT}`, "u"), (m, r) => exact(num(m[1]!), r)],
  [new RegExp(`(?<![a-z])(?:${alt(A.leadEn)})\\s*([0-9]{1,3})(?![0-9])`, "u"), (m, r) => exact(num(m[1]!), r)],
  // "seventy-three le": a number that is a state
  [new RegExp(`(?<![0-9${chars(ZH_NUMERALS)}])${NUM}\\s*(?:${STATE})`, "u"), (m, r) => (ageLike(num(m[1]!)) ? exact(num(m[1]!), r) : undefined)],
];

/** English "about 70", "almost 70" where an age is asked. */
const APPROX_EN = new RegExp(`(?<![a-z])(?:${alt(A.approxEn)})\\s*([0-9]{1,3})(?![0-9])`, "u");
const BABY: ReadonlyMap<string, number> = new Map(Object.entries(A.babyWords));

/** "58 nian de" where the age was asked: a birth year said alone (two digits need "nian de"; four digits may stand with "nian"). */
const BIRTH_WHEN_ASKED = new RegExp(
  `^\\s*(?:((?:19|20)?[0-9]{2}|[${chars(ZH_DIGITS)}]{2,4})\\s*(?:${W("birthWhenAsked")})|((?:19|20)[0-9]{2}|[${chars(ZH_DIGITS)}]{4})\\s*(?:${W("birthYearWhenAsked")}))\\s*$`,
  "u",
);

export function readAges(r: SegmentReader): void {
  if (r.context.ask === "age" && r.context.aboutAsked) {
    const m = BIRTH_WHEN_ASKED.exec(r.rest);
    // "san si nian de" may be "three or four years": two neighbouring digits are a range, not a year.
    const digits = m && ZH_DIGIT_RUN.test(m[1] ?? "") && m[1]!.length === 2 ? [...m[1]!].map((c) => LEX.numbers.digits[c] ?? 0) : undefined;
    if (m && !(digits && Math.abs(digits[0]! - digits[1]!) === 1)) {
      exact(birthAge(m[1] ?? m[2]!, r.context.year), r);
      if (r.found("age")) return void r.take(0, r.rest.length);
    }
  }
  for (const [word, months] of BABY) {
    const at = r.rest.indexOf(word);
    if (at < 0) continue;
    r.add(fact("age", 0), fact("ageMonths", months));
    r.take(at, at + word.length);
    return;
  }
  // A second pass finds a second age ("9 and 4"): two ages of one person are a conflict to ask about.
  for (let pass = 0; pass < 2; pass++) {
    let found = false;
    for (const [re, handle] of PATTERNS) {
      const m = re.exec(r.rest);
      if (!m) continue;
      const before = r.mentions.length;
      handle(m, r);
      if (r.mentions.length > before) {
        r.take(m.index, m.index + m[0].length);
        found = true;
      }
    }
    if (!found) break;
  }
  if (isAgeContext(r)) {
    const m = APPROX_EN.exec(r.rest);
    if (m) {
      approx(num(m[1]!), r);
      r.take(m.index, m.index + m[0].length);
    }
  }
}

function isAgeContext(r: SegmentReader): boolean {
  return (r.context.ask === "age" && r.context.aboutAsked) || r.context.ask === "opening" || r.context.ask === "members";
}

function num(raw: string): number | undefined {
  const n = parseNumber(raw);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function ageLike(n: number | undefined): boolean {
  return n !== undefined && n >= 10 && n <= 120;
}

/** A year said digit by digit: "wu ba" is 58, "yi jiu wu ba" 1958. */
const ZH_DIGIT_RUN = new RegExp(`^[${chars(ZH_DIGITS)}]+$`, "u");

function birthAge(raw: string, year: number): number | undefined {
  let born = /^[0-9]+$/.test(raw) ? Number(raw) : ZH_DIGIT_RUN.test(raw) ? Number([...raw].map((c) => String(LEX.numbers.digits[c])).join("")) : scanNumbers(raw)[0]?.value;
  if (born === undefined) return undefined;
  if (born < 100) born += born > year % 100 ? 1900 : 2000;
  const age = year - born;
  return age >= 0 && age <= 130 ? age : undefined;
}

function babyAge(years: number | undefined, extraMonths: number, r: SegmentReader): void {
  if (years === undefined || years > 7) return;
  r.add(fact("age", years), fact("ageMonths", years * 12 + extraMonths));
}

function babyMonths(months: number | undefined, r: SegmentReader): void {
  if (months === undefined || months > 95) return;
  r.add(fact("age", Math.floor(months / 12)), fact("ageMonths", months));
}
