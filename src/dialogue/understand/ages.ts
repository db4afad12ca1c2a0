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
const NUM = `([0-9]{1,3}|[${chars(ZH_NUMERALS)}]{1,4})`;
const TEN = W("tens");
const YEARS = `(?:${alt(A.suffix)})`;
/** Not followed by a unit that makes the number something else (a stay, money, a count). */
const NOT_UNIT = `(?!\\s*(?:${alt(words("ages", "notAfterNumber"))})(?!${W("notAfterYear")}))`;
const STATE = W("stateAfter");

type Handler = (m: RegExpExecArray, r: SegmentReader) => void;

const exact = (n: number | undefined, r: SegmentReader) => {
  if (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 130) r.add(fact("age", n));
};
const approx = (n: number | undefined, r: SegmentReader) => r.add(doubt("age", "approximate", n));

const PATTERNS: readonly (readonly [RegExp, Handler])[] = [
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

export function readAges(r: SegmentReader): void {
  for (const [word, months] of BABY) {
    const at = r.rest.indexOf(word);
    if (at < 0) continue;
    r.add(fact("age", 0), fact("ageMonths", months));
    r.take(at, at + word.length);
    return;
  }
  for (const [re, handle] of PATTERNS) {
    const m = re.exec(r.rest);
    if (!m) continue;
    const before = r.mentions.length;
    handle(m, r);
    if (r.mentions.length > before) r.take(m.index, m.index + m[0].length);
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

function birthAge(raw: string, year: number): number | undefined {
  let born = /^[0-9]+$/.test(raw) ? Number(raw) : scanNumbers(raw)[0]?.value;
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
