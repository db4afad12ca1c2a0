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
  reading: {
    clauseBreakChars: string; selfWords: Words; selfWordsEn: Words; householdWords: Words; householdWordsEn: Words;
    thirdPerson: Words; thirdPersonEn: Words; deceased: Words; alone: Words; negations: Words; negationsEn: Words;
    notYet: Words; positives: Words; hedges: Words; hedgesEn: Words; correctionWords: Words; correctionWordsEn: Words;
    skipWords: Words; clientLead: Words; clientVerb: Words; clientWords: Words; notYetAfterOnly: Words; stillHeld: Words;
    withTypist: Words; echoDenied: Words; echoAlso: Words; echoAlsoNot: Words;
    correctionPattern: string; selfSplit: Words; away: Words; couple: Words; now: Words; nowAfterChange: Words; notRelations: Words;
    past: Words; pastEnded: Words; pastGoesOn: Words; pastFacts: Words;
    clientPeople: Readonly<Record<string, "female" | "male" | null>>; clientCommand: Words;
  };
  questionBack: { prefix: Words; suffix: Words; bare: Words; bareFillers: Words; meaningSuffix: Words; suffixPattern: string; endSuffix: Words; notKnowing: Words; notKnowingFillers: Words };
  facts: {
    flags: Readonly<Record<string, { words: Words; weak?: Words; ignore?: Words; implies?: Readonly<Record<string, unknown>> }>>;
    answers: Readonly<Record<string, Readonly<Record<string, Words>>>> & {
      $implies?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
      $combine?: Readonly<Record<string, { when: string; with: Words; gives: string; away?: Words }>>;
    };
    enums: Readonly<Record<string, Readonly<Record<string, Words>>>>;
    school: Readonly<Record<string, Words>> & { gradeWord: Words; juniorPrefix: Words; seniorPrefix: Words; higherPrefix: Words };
    age: {
      suffix: Words; suffixEn: Words; lead: Words; leadEn: Words; after: Words; approxBefore: Words; approxAfter: Words;
      approxEn: Words; turning: Words; turningEn: Words; reached: Words; birth: Words; birthEn: Words; babyWords: Readonly<Record<string, number>>;
    };
    money: {
      unitWords: Words; incomeWords: Words; benefitNotIncome: Words; householdScope: Words; personScope: Words;
      noIncome: Words; rangeJoiners: Words; vague: Words;
    };
    residence: {
      liveVerbs: Words; liveAfter: Words; fromMarks: Words; hukouMarks: Words; localWords: Words; otherShandong: Words;
      otherProvince: Words; ambiguousElsewhere: Words; ambiguousShandong: Words; durationVerbs: Words; justArrived: Words;
    };
  };
}

const FILE = join(DATA_DIR, "understand.json");
export const LEX: UnderstandLexicon = readJsonFile<UnderstandLexicon>(FILE);

/** data/lexicon.json: household words, cities, option aliases (shared with the conversation). */
export interface HouseholdLexicon {
  readonly relations: Readonly<Record<string, readonly [string, number]>>;
  readonly relationSex: Readonly<Record<"female" | "male", Words>>;
  readonly nobodyElse: Words;
  readonly continue: Words;
  readonly listAll: Words;
  readonly listSeparators: Words;
  readonly cities: Readonly<Record<string, Words>>;
  readonly valueAliases: Readonly<Record<string, Readonly<Record<string, Words>>>>;
  readonly clientRelations: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
export const HOUSEHOLD: HouseholdLexicon = readJsonFile<HouseholdLexicon>(join(DATA_DIR, "lexicon.json"));

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

type Literal = Words | string | Readonly<Record<string, number>>;
const LITERALS = (LEX as unknown as { literals: Readonly<Record<string, Readonly<Record<string, Literal>>>> }).literals;

function literal(group: string, name: string): Literal {
  const value = LITERALS[group]?.[name];
  if (value === undefined) throw new Error(`${FILE}: literals.${group}.${name} is missing`);
  return value;
}

/** A word list of data/understand.json "literals". */
export function words(group: string, name: string): Words {
  const value = literal(group, name);
  if (!Array.isArray(value)) throw new Error(`${FILE}: literals.${group}.${name} must be a list`);
  return value as Words;
}

/** A string of single characters of "literals". */
export function charSet(group: string, name: string): string {
  const value = literal(group, name);
  if (typeof value !== "string") throw new Error(`${FILE}: literals.${group}.${name} must be a string of characters`);
  return value;
}

/** A word -> number table of "literals". */
export function numberTable(group: string, name: string): ReadonlyMap<string, number> {
  const value = literal(group, name);
  if (typeof value !== "object" || Array.isArray(value)) throw new Error(`${FILE}: literals.${group}.${name} must be a table`);
  return new Map(Object.entries(value as Record<string, number>));
}

/** Chinese digit characters (from "numbers"), for character classes. */
export const ZH_DIGITS: string = Object.keys(LEX.numbers.digits).join("");
/** Chinese digits and units (ten, hundred, thousand, ten thousand...). */
export const ZH_NUMERALS: string = [...Object.keys(LEX.numbers.digits), ...Object.keys(LEX.numbers.smallUnits), ...Object.keys(LEX.numbers.bigUnits)].join("");
