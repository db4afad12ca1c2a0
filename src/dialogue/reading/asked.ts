// The plain answer to the question asked, in what the readers left of a segment: "yes", "no",
// "1", "65", "three years", "local". Readers first take every fact named by a word; this reads
// the rest as the answer to the question, on the person it was about.
import { factDefinition } from "../../profile/mod.js";
import { alt, chars, ZH_NUMERALS, matchOption, normalize, parseMonths, parseNumber, parseYesNo, isHedged, LEX, words, wordSet, type Mention } from "../understand/mod.js";
import { answerKind } from "../questions.js";
import type { AnswerOption } from "./options.js";

const NOT_YET = wordSet(LEX.reading.notYet);
/** "about to expire", "not expired": not a "no". */
const STILL_HELD = wordSet(LEX.reading.stillHeld);
const EXACT: ReadonlySet<string> = new Set([...LEX.yesno.yes, ...LEX.yesno.no]);
const OPENS_WITH_ANSWER = new RegExp(`^(?:(?:${alt(words("answer", "openerAdverbs"))})\\s*)*(?:${alt(words("answer", "openers"))})`, "u");
const APPROX_AGE = wordSet([...LEX.facts.age.approxBefore, ...LEX.facts.age.approxAfter, ...LEX.facts.age.approxEn, ...words("answer", "approxNumber")]);
const NONE_WORDS: ReadonlySet<string> = new Set(words("answer", "none"));
const LIST_SPLIT = new RegExp(`[\\s,${chars(LEX.reading.clauseBreakChars)}]+|${alt(words("answer", "listJoiners"))}`, "u");
const MONTHS = new RegExp(alt([...words("answer", "monthUnits"), ...words("answer", "weekUnits")]), "u");
const MONTHS_ONLY = new RegExp(alt(words("answer", "monthUnits")), "u");
const YEARS = new RegExp(alt(words("answer", "ageUnits")), "gu");
const HAS_YEARS = new RegExp(alt(words("answer", "ageUnits")), "u");
const NUMERAL_RUN = new RegExp(`[0-9.${chars(ZH_NUMERALS)}]+`, "gu");
const OTHER_WORDS = /\p{Script=Han}/u;
const NUMBER_FILLERS = new RegExp(alt(words("answer", "numberFillers")), "gu");
const PARTICLES = /[\s~!.,\u3002\uff01\uff0c]+$/u;

/** The answer to a fact question in `rest`, as mentions; empty when `rest` holds none. */
export function askedAnswer(fact: string, rest: string, options: readonly AnswerOption[]): Mention[] {
  const text = normalize(rest).replace(PARTICLES, "").trim();
  if (!text) return [];
  const def = factDefinition(fact);
  if (!def) return [];
  switch (answerKind(fact)) {
    case "yesno":
      return yesNo(fact, text, options);
    case "choice":
      return choice(fact, text, options);
    case "multi":
      return list(fact, text, options);
    case "number":
      return number(fact, text);
  }
}

function yesNo(fact: string, text: string, options: readonly AnswerOption[]): Mention[] {
  if (isHedged(text)) return [{ kind: "doubt", fact, reason: "hedge" }];
  // "yes, six months" or "five months" to "are you pregnant?": months of pregnancy say yes.
  if (fact === "pregnant" && MONTHS.test(text)) {
    const months = parseMonths(text);
    if (months !== undefined && months <= 10) return [{ kind: "fact", fact: "monthsPregnant", value: Math.floor(months) }, { kind: "fact", fact, value: true, inferred: true }];
  }
  const option = /^[0-9]$/.test(text) ? matchOption(text, options) : undefined;
  if (option === "true" || option === "false") return [{ kind: "fact", fact, value: option === "true" }];
  // A number is no yes or no ("I am 72" while asked about a certificate).
  if (/[0-9]/.test(text)) return [];
  // "about to expire" says nothing against holding it (nor which fact it is about): no answer by itself.
  if (STILL_HELD.has(text)) return [];
  if (NOT_YET.has(text)) return [{ kind: "fact", fact, value: false }];
  const value = parseYesNo(text);
  if (value === undefined) return [];
  // A sentence answers yes or no only when it opens with the answer ("no, not yet"): "my eyes cannot
  // see clearly" or "eats lunch at school" hold a negation or a "zai" without answering anything.
  if (!EXACT.has(text) && !OPENS_WITH_ANSWER.test(text)) return [];
  return [{ kind: "fact", fact, value }];
}

function choice(fact: string, text: string, options: readonly AnswerOption[]): Mention[] {
  if (isHedged(text)) return [{ kind: "doubt", fact, reason: "hedge" }];
  const value = matchOption(text, options);
  if (value === undefined || value === "?") return [];
  const def = factDefinition(fact);
  const typed = def?.values?.find((v) => String(v) === value);
  return typed === undefined ? [] : [{ kind: "fact", fact, value: typed }];
}

function list(fact: string, text: string, options: readonly AnswerOption[]): Mention[] {
  if (NONE_WORDS.has(text)) return [{ kind: "fact", fact, value: [] }];
  const values: string[] = [];
  for (const part of text.split(LIST_SPLIT).filter(Boolean)) {
    const value = matchOption(part, options);
    if (value === undefined || value === "?") return [];
    if (value === "none") return [{ kind: "fact", fact, value: [] }];
    values.push(value);
  }
  return values.length === 0 ? [] : [{ kind: "fact", fact, value: [...new Set(values)] }];
}

function number(fact: string, text: string): Mention[] {
  // A baby's age in months: "8 months".
  if ((fact === "age" || fact === "ageMonths") && MONTHS_ONLY.test(text)) {
    const months = parseMonths(text);
    if (months === undefined || months > 95) return [];
    return [{ kind: "fact", fact: "age", value: Math.floor(months / 12) }, { kind: "fact", fact: "ageMonths", value: Math.floor(months) }];
  }
  if (fact === "ageMonths") {
    const n = parseNumber(text.replace(YEARS, ""));
    if (n !== undefined && HAS_YEARS.test(text) && n <= 7) return [{ kind: "fact", fact: "age", value: Math.floor(n) }, { kind: "fact", fact: "ageMonths", value: Math.round(n * 12) }];
  }
  if (fact === "monthsResident" || fact === "monthsPregnant") {
    const months = parseMonths(text);
    return months === undefined ? [] : [{ kind: "fact", fact, value: Math.floor(months) }];
  }
  if (fact === "incomePerPersonMonthly") return []; // money has a reader of its own
  if (fact === "age" && APPROX_AGE.has(text)) return [{ kind: "doubt", fact, reason: "approximate", candidate: parseNumber(text) }];
  const bare = text.replace(YEARS, "");
  // A number inside other words is not the answer: "the two of us" (lao liang kou), "one person".
  if (OTHER_WORDS.test(bare.replace(NUMERAL_RUN, "").replace(NUMBER_FILLERS, ""))) return [];
  const n = parseNumber(bare);
  if (n === undefined || !Number.isFinite(n)) return [];
  const def = factDefinition(fact)!;
  if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) return [{ kind: "doubt", fact, reason: "vague", candidate: n }];
  return [{ kind: "fact", fact, value: Math.floor(n) }];
}
