/**
 * Recognises "change an earlier answer" ("actually I'm 70", "change age",
 * "age 65"). It names the fact and, when present, the new value as text,
 * which the dialogue re-reads with that fact's own parser (parseNumber,
 * parseYesNo...).
 *
 * To avoid hijacking ordinary answers it fires only on an explicit
 * correction word, or on a fact keyword directly followed by a number
 * ("age 70", "income 3000") or an age like "70 sui". A bare "70" never
 * fires, and neither does "I have a disability certificate" (a plain answer,
 * not a correction). Words are in data/understand.json ("correction").
 */
import { normalize } from "./normalize.js";
import { NUMERAL_PATTERN, scanNumbers } from "./numbers.js";
import { LEX, alt, chars } from "./lexicon.js";

export type Correction = { fact: string; value?: string };

const L = LEX.correction;
const word = (w: string) => `(?<![a-z])${w}(?![a-z])`;

/** English keywords that need word boundaries, which a plain word list cannot say. */
const EN_KEYWORDS: ReadonlyMap<string, string> = new Map([
  ["age", word("age")],
  ["residencePermit", word("permit")],
  ["monthsResident", word("months?")],
  ["disabilityGrade", word("grade")],
  ["disabled", "(?<![a-z])disab[a-z]*"],
  ["incomePerPersonMonthly", `${word("income")}|${word("salary")}`],
  ["housing", word("housing")],
  ["city", word("city")],
]);
// A fact renamed in the data would otherwise silently lose its English keywords.
for (const fact of EN_KEYWORDS.keys()) {
  if (!Object.hasOwn(L.keywords, fact)) throw new Error(`understand.json: correction.keywords lacks "${fact}"`);
}

/**
 * Fact keywords whose value follows them, in tie-break order. A keepKeyword
 * goes into the value because it carries meaning (yearly vs monthly income
 * for parseIncome). Ties on position go to the longer match.
 */
const KEYWORDS: readonly { re: RegExp; fact: string }[] = Object.entries(L.keywords).map(([fact, words]) => ({
  fact,
  re: new RegExp([alt(words), EN_KEYWORDS.get(fact)].filter(Boolean).join("|")),
}));
const KEEP: ReadonlySet<string> = new Set(L.keepKeywords);

const NUM = `(?:${NUMERAL_PATTERN})`;

/** Keywords that come *after* their value; the whole match is the value. */
const SUFFIXED: readonly { re: RegExp; fact: string; strong: boolean }[] = [
  // "70 sui" names the fact by itself, so it may fire without a correction word.
  { re: new RegExp(`${NUM}\\s*(?:${alt(L.ageSuffix)}|years? old)`), fact: "age", strong: true },
  { re: new RegExp(`(?<![a-z])(?:i'm|im|i am)\\s+(${NUM})(?![0-9])`), fact: "age", strong: false },
  { re: new RegExp(`${NUM}\\s*${alt(L.gradeSuffix)}`), fact: "disabilityGrade", strong: false },
  {
    re: new RegExp(`${NUM}\\s*(?:${alt(L.durationSuffix)}|years?|months?)(?![0-9${chars(L.durationNotBeforeChars)}])`),
    fact: "monthsResident",
    strong: false,
  },
  { re: new RegExp(`${NUM}\\s*${alt(L.moneySuffix)}`), fact: "incomePerPersonMonthly", strong: false },
];

const CORRECTION = new RegExp(
  `${alt(L.correctionWords)}|(?<![a-z])(?:change|correct|update|edit|wrong)|${word("fix")}`,
);

/** Separators and correction verbs between a keyword and its value. */
const LEAD = new RegExp(
  `^(?:[\\s${chars(L.leadChars)}]|${alt(L.leadWords)}|to(?![a-z])|is(?![a-z])|be(?![a-z])|now(?![a-z]))+`,
);
const PRONOUNS = new RegExp(`^(?:[\\s${chars(L.pronounSeparatorChars)}]|${alt(L.pronouns)}|i(?![a-z])|my(?![a-z]))+`);
/** A clause break, but not a decimal point. */
const CLAUSE_BREAK = new RegExp(`[${chars(L.clauseBreakChars)}]|\\.(?![0-9])`);

function clause(s: string): string {
  // The value ends at the first clause break ("age 65, income 3000" -> "65").
  return (s.split(CLAUSE_BREAK)[0] ?? "").trim();
}

function found(fact: string, value: string | undefined): Correction {
  return value ? { fact, value } : { fact };
}

export function parseCorrection(text: string): Correction | undefined {
  try {
    const s = normalize(text);
    if (!s) return undefined;
    const corr = CORRECTION.exec(s);

    type Hit = { at: number; len: number; fact: string; value?: string; strong: boolean; end: number; keep?: boolean };
    const hits: Hit[] = [];
    for (const k of KEYWORDS) {
      const m = k.re.exec(s);
      if (m) {
        hits.push({ at: m.index, len: m[0].length, end: m.index + m[0].length, fact: k.fact, strong: false, keep: KEEP.has(m[0]) });
      }
    }
    for (const k of SUFFIXED) {
      const m = k.re.exec(s);
      if (m) {
        hits.push({ at: m.index, len: m[0].length, end: m.index + m[0].length, fact: k.fact, strong: k.strong, value: (m[1] ?? m[0]).trim() });
      }
    }
    if (hits.length === 0) return undefined;
    hits.sort((a, b) => a.at - b.at || b.len - a.len);
    let hit = hits[0]!;
    // "certificate, change to grade 2": a grade mention makes it a grade correction.
    if (hit.fact === "disabled") hit = hits.find((h) => h.fact === "disabilityGrade") ?? hit;

    let value = hit.value;
    if (value === undefined) {
      const kw = s.slice(hit.at, hit.end);
      value = clause(s.slice(hit.end).replace(LEAD, ""));
      if (!value && corr && corr.index + corr[0].length <= hit.at) {
        // "actually I have a certificate": the value sits between the correction word and the keyword.
        value = clause(s.slice(corr.index + corr[0].length, hit.at).replace(PRONOUNS, "").replace(LEAD, ""));
      }
      if (value && hit.keep) value = `${kw}${value}`;
    }
    if (corr) return found(hit.fact, value || undefined);
    // No correction word: only a keyword immediately carrying a number counts.
    if (hit.strong) return found(hit.fact, value);
    if (hit.value === undefined && value && scanNumbers(value).length > 0) {
      const between = s.slice(hit.end).replace(LEAD, "");
      if (between.startsWith(value)) return found(hit.fact, value);
    }
    return undefined;
  } catch {
    return undefined;
  }
}
