/**
 * Loads data/understand.json once: every word and character the parsers in
 * this folder recognise. Words are data, not code, so src/ carries no Chinese
 * text and the lists can be extended without touching parsing logic.
 * The helpers turn literal word lists into regex source safely.
 */
import { join } from "node:path";
import { DATA_DIR } from "../../paths.js";
import { readJsonFile } from "../../json-file.js";

type Words = readonly string[];
type Values = Readonly<Record<string, number>>;
type Marks = { marks: Words; words: Words; symbols: Words };

export interface UnderstandLexicon {
  normalize: { digitBlocks: readonly (readonly [string, string])[] };
  numbers: {
    digits: Values; smallUnits: Values; bigUnits: Values; decimalPoint: string; runChars: string;
    notNumbers: Words; notNumbersExceptBefore: Readonly<Record<string, string>>; ones: Values; tens: Values;
  };
  duration: {
    upperBound: Words; approx: Words; age: Words; otherUnits: Words; year: Words; month: Words; week: Words;
    day: Words; measureWords: Words; half: Words; more: Words; moreAfterChars: string;
  };
  money: {
    noneReplies: Words; negations: Words; filler: Words; incomeNouns: Words; proofNouns: Words; irregular: Words;
    noIncomePhrases: Words; yearly: Words; monthly: Words; dailyWeekly: Words;
  };
  yesno: {
    yes: Words; no: Words; unknown: Words; affirming: Words; notNegating: Words; negative: Marks; positive: Marks;
    leadingFillers: Words; repeatableFillers: Words; fillerSeparatorChars: string; trailingChars: string;
  };
  grade: {
    digitChars: string; notAfterChars: string; suffix: Words; ordinal: Words; bareSuffix: Words;
    severity: readonly { grade: unknown; words: Words }[];
  };
  intent: {
    commands: Readonly<Record<string, Words>>; languages: Readonly<Record<string, Words>>;
    politeLead: Words; politeTail: Words; trailingChars: string;
  };
  correction: {
    keywords: Readonly<Record<string, Words>>; keepKeywords: Words; ageSuffix: Words; gradeSuffix: Words;
    durationSuffix: Words; durationNotBeforeChars: string; moneySuffix: Words; correctionWords: Words;
    leadChars: string; leadWords: Words; pronouns: Words; pronounSeparatorChars: string; clauseBreakChars: string;
  };
  options: {
    self: Words; choose: Words; ordinal: Words; numeralChars: string; counters: Words; last: Words;
    openBracketChars: string; closingChars: string; negations: Words;
  };
}

const FILE = join(DATA_DIR, "understand.json");
export const LEX: UnderstandLexicon = readJsonFile<UnderstandLexicon>(FILE);

/** Escapes a literal for regex source. Leaves "-" alone: "\-" outside a class is an error under the u flag. */
function escape(word: string): string {
  // An empty word would match everywhere and silently turn a parser into "always yes".
  if (typeof word !== "string" || word === "") throw new Error(`${FILE}: empty or non-string word`);
  return word.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/**
 * A non-capturing alternation of literal words. Longest first, because a regex
 * alternation takes the first alternative that matches, not the longest
 * (gai must not win over gaicheng). Literals only, so no nested quantifiers.
 */
export function alt(words: Words): string {
  if (words.length === 0) return "(?:(?!))"; // matches nothing, and may still take a quantifier
  return `(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join("|")})`;
}

/** A string of single characters, escaped for use inside [...]. */
export function chars(set: string): string {
  if (typeof set !== "string") throw new Error(`${FILE}: expected a string of characters`);
  return set.replace(/[\\\]\[^-]/g, "\\$&");
}

/**
 * A character -> value table as a Map, so no key can reach Object.prototype.
 * Keys must be one UTF-16 unit: the number scanner looks text up unit by unit.
 */
export function charMap(table: Values): ReadonlyMap<string, number> {
  for (const k of Object.keys(table)) {
    if (k.length !== 1) throw new Error(`${FILE}: "${k}" is not a single character`);
  }
  return new Map(Object.entries(table));
}
