/**
 * Who a message speaks of: relation words (old partner, daughter, both parents, "two kids") with how many people they
 * mean and, where the word says it, their sex; and the pronouns that point back at the person
 * chatting, the household, or the person asked about.
 */
import { HOUSEHOLD, LEX, alt, chars, numberTable, words, ZH_NUMERALS } from "./lexicon.js";
import type { Relation, Sex } from "./mentions.js";
import { scanNumbers } from "./numbers.js";
import { WordFinder, wordSet } from "./words.js";

export interface RelationHit {
  readonly relation: Relation;
  readonly count: number;
  readonly sex?: Sex;
  readonly word: string;
  /** Where the mention starts, including a count before the word ("two" in "two kids"). */
  readonly start: number;
  readonly end: number;
}

const SEX = new Map<string, Sex>();
for (const sex of ["female", "male"] as const) for (const w of HOUSEHOLD.relationSex[sex]) SEX.set(w, sex);

const RELATIONS = new WordFinder(Object.entries(HOUSEHOLD.relations).map(([word, [relation, count]]) => [word, { relation: relation as Relation, count }] as const));
const R = LEX.reading;
export const SELF = wordSet([...R.selfWords, ...R.selfWordsEn]);
export const HOUSEHOLD_WORDS = wordSet([...R.householdWords, ...R.householdWordsEn]);
export const THIRD = wordSet([...R.thirdPerson, ...R.thirdPersonEn]);
export const DECEASED = wordSet(R.deceased);
export const ALONE = wordSet([...R.alone, ...HOUSEHOLD.nobodyElse.filter((w) => w.length > 1)]);

const WORD_COUNTS = numberTable("people", "countWords");
/** A count just before a relation word: "two kids", "3 children". */
const COUNT_BEFORE = new RegExp(
  `(?:([0-9]+|[${chars(ZH_NUMERALS)}${chars([...WORD_COUNTS.keys()].filter((w) => w.length === 1).join(""))}]+)\\s*(?:${alt(words("people", "counters"))})?|(${alt([...WORD_COUNTS.keys()].filter((w) => w.length > 1))})\\s+)$`,
  "u",
);

function countBefore(text: string, at: number): { count: number; start: number } | undefined {
  const before = text.slice(Math.max(0, at - 5), at);
  const m = COUNT_BEFORE.exec(before);
  if (!m) return undefined;
  const raw = m[1] ?? m[2]!;
  const count = WORD_COUNTS.get(raw) ?? scanNumbers(raw)[0]?.value;
  if (count === undefined || !Number.isInteger(count) || count < 1 || count > 10) return undefined;
  return { count, start: at - m[0].length };
}

/** Words that hold a relation word but name no person of the household ("only child" as a policy term, "single mother"). */
const NOT_RELATIONS = wordSet(LEX.reading.notRelations);

/** Relation words in `text`, except inside `protectedSpans` (a phrase answering the question) or a non-relation word. */
export function relationHits(text: string, protectedSpans: readonly { start: number; end: number }[] = []): RelationHit[] {
  const shielded = [...protectedSpans, ...NOT_RELATIONS.find(text)];
  const inside = (h: { start: number; end: number }) => shielded.some((s) => s.start <= h.start && s.end >= h.end);
  return RELATIONS.find(text).filter((hit) => !inside(hit)).map((hit) => {
    const before = countBefore(text, hit.start);
    const sex = SEX.get(hit.word);
    return {
      relation: hit.value.relation,
      count: before?.count ?? hit.value.count,
      ...(sex && { sex }),
      word: hit.word,
      start: before?.start ?? hit.start,
      end: hit.end,
    };
  });
}
