/**
 * Money in a message: "3500" in words or digits, "3k", a yearly income, "seven or eight hundred"
 * (800: a range counts at its top), "fifteen or sixteen hundred" (1,600), "three thousand odd"
 * (3,999), a mother's pension, "hardly any income" (0). The dibao payment is not income.
 * Each amount is a MoneyMention; turning amounts into income per person per month (yearly /12,
 * household totals / household size) happens when the message is put together (../reading).
 */
import { LEX, alt, chars, words, ZH_DIGITS } from "./lexicon.js";
import { doubt, fact, type MoneyMention } from "./mentions.js";
import { scanNumbers } from "./numbers.js";
import type { SegmentReader } from "./segment-reader.js";
import { wordSet } from "./words.js";

const M = LEX.facts.money;
const L = LEX.money;
const UNIT = wordSet(M.unitWords);
const INCOME = wordSet(M.incomeWords);
const BENEFIT = wordSet(M.benefitNotIncome);
const NO_INCOME = wordSet(M.noIncome);
const HOUSEHOLD = wordSet(M.householdScope);
const PERSON = wordSet(M.personScope);
const YEARLY = wordSet(L.yearly);
const MONTHLY = wordSet(L.monthly);
const DAILY = wordSet(L.dailyWeekly);
const VAGUE = wordSet(M.vague);
const NONE_REPLY = new RegExp(`^(?:${alt(words("money", "noneReply"))})$`, "u");
const NUMERAL = `[0-9${chars(ZH_DIGITS)}${chars(Object.keys(LEX.numbers.smallUnits).join(""))}]`;
/** Counts of people ("four people in the household", "the two of us") are not amounts. */
const PEOPLE_COUNT = new RegExp(`${NUMERAL}+\\s*(?:${alt(words("money", "peopleCount"))})|${alt(words("money", "peopleWords"))}`, "gu");
const MORE = new RegExp(`^\\s*(?:${alt(words("money", "more"))})`, "u");
/** Non-zero digits and the units a spoken amount uses, from "numbers". */
const DIGIT: ReadonlyMap<string, number> = new Map(Object.entries(LEX.numbers.digits).filter(([, v]) => v > 0));
const UNITS: ReadonlyMap<string, number> = new Map([...Object.entries(LEX.numbers.smallUnits), ...Object.entries(LEX.numbers.bigUnits)].filter(([, v]) => v <= 10000));
const D = chars([...DIGIT.keys()].join(""));
const U = chars([...UNITS.keys()].join(""));

interface Amount { low: number; top: number; start: number; end: number }

/** Below this, a number said with only a period and "in all" (no money word) is not taken for money. */
const MIN_UNSAID = 100;

/** "seven eight hundred", "two three thousand": two neighbouring digits before a unit. */
const PAIR = new RegExp(`([${D}1-9])([${D}1-9])([${U}])`, "u");
/** "one thousand five six" (1,500 to 1,600). */
const TAIL_PAIR = new RegExp(`([${D}])([${U}])([${D}])([${D}])(?![${U}])`, "u");
/** 3000-4000, "three thousand to four thousand", "2 to 3 thousand". */
const SPAN = new RegExp(`([0-9.]+[kw]?|[${D}${U}${chars(ZH_DIGITS)}]+)\\s*(?:${alt(M.rangeJoiners)})\\s*([0-9.]+[kw]?|[${D}${U}${chars(ZH_DIGITS)}]+)`, "u");

/** Whether a message talks of income at all ("change the income: 2,000 per person a month" names the amount in another clause). */
export function hasIncomeWord(text: string): boolean {
  return INCOME.has(text) || NO_INCOME.has(text);
}

export function readMoney(r: SegmentReader): void {
  const asked = r.context.ask === "incomePerPersonMonthly" || r.context.topics.has("income");
  const moneyWords = UNIT.has(r.rest) || INCOME.has(r.rest) || BENEFIT.has(r.text) || NO_INCOME.has(r.rest) || /[0-9]\s*[kw](?![a-z])/.test(r.rest);
  // Or a period and a "whose" word together ("a month, six thousand in all"), for an amount money can be.
  const periodAndScope = (MONTHLY.has(r.rest) || YEARLY.has(r.rest)) && (HOUSEHOLD.has(r.rest) || PERSON.has(r.rest));
  const said = moneyWords || periodAndScope;
  if (!asked && !said) return;
  if (DAILY.has(r.rest)) return void r.add(doubt("incomePerPersonMonthly", "period"));
  if (asked && NONE_REPLY.test(r.rest.trim())) {
    r.take(0, r.rest.length);
    return void r.add(money(0, 0, r, false));
  }
  if (VAGUE.has(r.rest)) {
    r.take(0, r.rest.length);
    return void r.add(doubt("incomePerPersonMonthly", "vague"));
  }
  const zero = NO_INCOME.first(r.rest);
  if (zero && !new RegExp(NUMERAL, "u").test(r.rest.slice(zero.end))) {
    r.take(zero.start, zero.end);
    return void r.add(money(0, 0, r, false));
  }
  // The dibao payment: the flags may have read its word as dibao already, it is still no income.
  const benefit = BENEFIT.first(r.rest) ?? BENEFIT.first(r.text);
  if (benefit) {
    if (r.rest.slice(benefit.start, benefit.end) === benefit.word) r.take(benefit.start, benefit.end);
    if (!r.found("dibao")) r.add(fact("dibao", true, true));
  }
  // Period words hold numerals of their own ("one month", "one year" in Chinese): they are not amounts.
  const amounts = findAmounts(blankWords(r.rest, [YEARLY, MONTHLY, PERSON, HOUSEHOLD]).replace(PEOPLE_COUNT, (w) => " ".repeat(w.length)));
  if (amounts.length > 1) return void r.add(doubt("incomePerPersonMonthly", "conflict"));
  const amount = amounts[0];
  if (!amount) return;
  r.take(amount.start, amount.end);
  // A number with no money word is income only when income was asked ("twice a month in all" is no money).
  if (!said && !asked) return;
  if (!moneyWords && !asked && amount.top < MIN_UNSAID) return;
  r.add(money(amount.low, amount.top, r, Boolean(benefit)));
}

function blankWords(text: string, finders: readonly ReturnType<typeof wordSet>[]): string {
  let out = text;
  for (const f of finders) for (const h of f.find(out)) out = out.slice(0, h.start) + " ".repeat(h.end - h.start) + out.slice(h.end);
  return out;
}

function money(low: number, top: number, r: SegmentReader, benefit: boolean): MoneyMention {
  const yearly = YEARLY.has(r.text);
  const monthly = MONTHLY.has(r.text);
  const period = yearly && !monthly ? "year" : monthly && !yearly ? "month" : "unknown";
  const scope = PERSON.has(r.text) ? "person" : HOUSEHOLD.has(r.text) ? "household" : "unknown";
  return { kind: "money", low, top, period, scope, benefit };
}

function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  let rest = text;
  const claim = (a: Amount) => {
    out.push(a);
    rest = rest.slice(0, a.start) + " ".repeat(a.end - a.start) + rest.slice(a.end);
  };
  for (const read of [readSpan, readPair, readTailPair]) {
    const a = read(rest);
    if (a) claim(a);
  }
  for (const token of scanNumbers(rest)) {
    if (token.value === undefined) continue;
    const more = MORE.test(rest.slice(token.end));
    const top = more ? token.value + step(token.value) - 1 : token.value;
    out.push({ low: token.value, top, start: token.start, end: token.end + (more ? 1 : 0) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function readSpan(text: string): Amount | undefined {
  const m = SPAN.exec(text);
  if (!m) return undefined;
  const hi = scanNumbers(m[2]!)[0]?.value;
  let lo = scanNumbers(m[1]!)[0]?.value;
  if (hi === undefined || lo === undefined) return undefined;
  // "2 to 3 thousand": the unit after the second number belongs to both.
  if (lo < 10 && hi >= 1000 && (/^[0-9]$/.test(m[1]!) || DIGIT.has(m[1]!))) lo *= step(hi);
  if (lo > hi) return undefined;
  return { low: lo, top: hi, start: m.index, end: m.index + m[0].length };
}

function readPair(text: string): Amount | undefined {
  const m = PAIR.exec(text);
  if (!m) return undefined;
  const unit = UNITS.get(m[3]!)!;
  const digit = (c: string) => DIGIT.get(c) ?? Number(c);
  const low = digit(m[1]!);
  const top = digit(m[2]!);
  if (top !== low + 1) return undefined;
  return { low: low * unit, top: top * unit, start: m.index, end: m.index + m[0].length };
}

function readTailPair(text: string): Amount | undefined {
  const m = TAIL_PAIR.exec(text);
  if (!m) return undefined;
  const unit = UNITS.get(m[2]!)!;
  const base = DIGIT.get(m[1]!)! * unit;
  return { low: base + (DIGIT.get(m[3]!)! * unit) / 10, top: base + (DIGIT.get(m[4]!)! * unit) / 10, start: m.index, end: m.index + m[0].length };
}

/** The size of "odd" after a round number: "three thousand odd" is up to 3,999, "1,500 odd" up to 1,599. */
function step(n: number): number {
  let s = 1;
  while (n % (s * 10) === 0 && s < 1e8) s *= 10;
  return s;
}
