/**
 * Durations ("how long have you lived here?") as months. Residence rules are
 * thresholds like "at least 6 months", so we return a lower bound for "a year
 * and a bit" / "more than 2 years" but refuse upper bounds like "less than a
 * year" (could be 1 month or 11) rather than guess. Unit and bound words are
 * in data/understand.json ("duration").
 */
import { normalize } from "./normalize.js";
import { NUMERAL_PATTERN, parseNumber, scanNumbers } from "./numbers.js";
import { LEX, alt, chars } from "./lexicon.js";

const L = LEX.duration;
const N = `(${NUMERAL_PATTERN}|(?<![a-z])an?(?![a-z]))`;

/** "less than a year", "nearly 6 months": an upper bound, not an answer. */
const UPPER_BOUND = new RegExp(alt(L.upperBound));
/** Words that make the bare number something other than a duration. */
const NOT_DURATION = new RegExp(`${alt([...L.age, ...L.otherUnits])}|hours?|minutes?|years? old`);
const AGE = new RegExp(`${alt(L.age)}|years? old`);
/** Approximations and lower bounds whose number we can still use. */
const APPROX = new RegExp(alt(L.approx), "g");
/** "A year and a bit": the "more" word after a unit or round number; the lower bound is kept. */
const MORE = new RegExp(`([${chars(L.moreAfterChars)}])${alt(L.more)}`, "g");

// Ranked so a well-formed duration lists units in strictly falling order.
const Unit = { Year: 4, Month: 3, Week: 2, Day: 1 } as const;
type Unit = (typeof Unit)[keyof typeof Unit];
const DAYS_PER_MONTH = 30;

const EN_Y = "(?:years?|yrs?)(?![a-z])";
const EN_M = "(?:months?|mos?|mths?)(?![a-z])";
const Y = alt(L.year);
const M = alt(L.month);
const MW = alt(L.measureWords);
const HALF = alt(L.half);
/**
 * [pattern, unit, added to the number, fixed value]. Halves come first so the
 * generic year pass does not read "one year and a half" as just one year.
 */
const PASSES: readonly (readonly [RegExp, Unit, number, number?])[] = [
  [new RegExp(`${N}\\s*${Y}${HALF}`, "g"), Unit.Year, 0.5],
  [new RegExp(`${N}\\s*${MW}${HALF}\\s*${M}`, "g"), Unit.Month, 0.5],
  [new RegExp(`${N}\\s*and a half\\s*${EN_Y}`, "g"), Unit.Year, 0.5],
  [new RegExp(`${N}\\s*${EN_Y}\\s*and a half`, "g"), Unit.Year, 0.5],
  [new RegExp(`${N}\\s*and a half\\s*${EN_M}`, "g"), Unit.Month, 0.5],
  [new RegExp(`${N}\\s*${EN_M}\\s*and a half`, "g"), Unit.Month, 0.5],
  [new RegExp(`${HALF}\\s*${Y}|half (?:an? )?years?`, "g"), Unit.Year, 0, 0.5],
  [new RegExp(`${HALF}\\s*${MW}\\s*${M}|half (?:an? )?months?`, "g"), Unit.Month, 0, 0.5],
  [new RegExp(`${N}\\s*(?:${Y}|${EN_Y})`, "g"), Unit.Year, 0],
  [new RegExp(`${N}\\s*(?:${MW}\\s*)?(?:${M}|${EN_M})`, "g"), Unit.Month, 0],
  [new RegExp(`${N}\\s*(?:${MW}\\s*)?(?:${alt(L.week)}|weeks?(?![a-z])|wks?(?![a-z]))`, "g"), Unit.Week, 0],
  [new RegExp(`${N}\\s*(?:${alt(L.day)}|days?(?![a-z]))`, "g"), Unit.Day, 0],
];

type Part = { unit: Unit; value: number; at: number };

function readNum(raw: string): number | undefined {
  const t = raw.trim();
  return t === "a" || t === "an" ? 1 : parseNumber(t);
}

export function parseMonths(text: string): number | undefined {
  try {
    let s = normalize(text);
    if (!s || UPPER_BOUND.test(s)) return undefined;
    if (AGE.test(s)) return undefined;
    s = s.replace(APPROX, (m) => " ".repeat(m.length));
    s = s.replace(MORE, "$1 ");

    const parts: Part[] = [];
    let failed = false;
    // Each pass records what it consumed and blanks it out (same length, so
    // positions stay comparable for the order check below).
    const pass = (re: RegExp, unit: Unit, extra: number, fixed?: number) => {
      s = s.replace(re, (m: string, ...groups: unknown[]) => {
        const at = groups.find((g) => typeof g === "number") as number;
        const raw = typeof groups[0] === "string" ? groups[0] : undefined;
        const n = fixed ?? (raw === undefined ? undefined : readNum(raw));
        if (n === undefined) failed = true;
        else parts.push({ unit, value: n + extra, at });
        return " ".repeat(m.length);
      });
    };
    for (const [re, unit, extra, fixed] of PASSES) pass(re, unit, extra, fixed);
    if (failed) return undefined;

    if (parts.length === 0) {
      // A bare number answers "how many months?" directly.
      if (NOT_DURATION.test(s)) return undefined;
      return parseNumber(s);
    }
    // "2 years 3 months" is fine; "3 or 5 years" or "6 months 2 years" is not one duration.
    parts.sort((a, b) => a.at - b.at);
    for (let k = 1; k < parts.length; k++) {
      if (parts[k]!.unit >= parts[k - 1]!.unit) return undefined;
    }
    // Any number left over ("3 to 5 years") means we did not understand all of it.
    if (scanNumbers(s).length > 0) return undefined;
    let months = 0;
    for (const p of parts) {
      // A four-digit "year" count is a calendar year ("in 2020"), not a duration.
      if (p.unit === Unit.Year && p.value > 150) return undefined;
      if (p.unit === Unit.Year) months += p.value * 12;
      else if (p.unit === Unit.Month) months += p.value;
      else if (p.unit === Unit.Week) months += (p.value * 7) / DAYS_PER_MONTH;
      else months += p.value / DAYS_PER_MONTH;
    }
    return Number.isFinite(months) ? Math.round(months * 100) / 100 : undefined;
  } catch {
    return undefined;
  }
}
