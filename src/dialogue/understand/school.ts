/**
 * Schooling: "in year 2" (primary), "junior year 2", "senior year 1", "at vocational school", "first
 * year of university", "at kindergarten", "not at school". Read before durations, so that "year 2"
 * of school is never a stay of two years. Words: data/understand.json ("facts.school", "literals.school").
 */
import { LEX, alt, charSet, chars, words, ZH_DIGITS, ZH_NUMERALS } from "./lexicon.js";
import { parseNumber } from "./numbers.js";
import { fact } from "./mentions.js";
import type { SegmentReader } from "./segment-reader.js";
import { WordFinder } from "./words.js";

const S = LEX.facts.school;
const LEVELS = ["preschool", "primary", "junior", "senior", "vocational", "higher", "none"] as const;
const WORDS = new WordFinder(LEVELS.flatMap((level) => (S[level] ?? []).map((w) => [w, level] as const)));
const NUMERAL = `0-9${chars(ZH_NUMERALS)}`;
const GRADE = new RegExp(`(?:${alt(words("school", "verbs"))})?\\s*([1-9]|[${chars(ZH_DIGITS)}])\\s*(?:${alt(S.gradeWord)})`, "u");
/** "junior 2", "senior 1", "university 3": a level word and the year, not part of a longer number. */
const year = (prefix: readonly string[], last: number, alsoNot = "") =>
  new RegExp(`(?:${alt(prefix)})\\s*([1-${last}]|[${chars(ZH_DIGITS)}])(?![${NUMERAL}${chars(alsoNot)}])`, "u");
const PREFIXED: readonly (readonly [RegExp, (typeof LEVELS)[number], number])[] = [
  [year(S.juniorPrefix, 3), "junior", 3],
  [year(S.seniorPrefix, 3), "senior", 3],
  [year(S.higherPrefix, 4, charSet("school", "afterGrade")), "higher", 4],
];

export function readSchool(r: SegmentReader): void {
  const grade = GRADE.exec(r.rest);
  if (grade) {
    const n = parseNumber(grade[1]!) ?? 0;
    r.take(grade.index, grade.index + grade[0].length);
    // "junior school year 2" names the level itself; a bare "year 2" is primary school.
    const level = WORDS.first(r.rest)?.value ?? (n <= 6 ? "primary" : undefined);
    if (level) r.add(fact("school", level));
    takeAll(r);
    return;
  }
  for (const [re, level, last] of PREFIXED) {
    const m = re.exec(r.rest);
    const n = m ? parseNumber(m[1]!) : undefined;
    if (!m || n === undefined || n < 1 || n > last) continue;
    r.take(m.index, m.index + m[0].length);
    r.add(fact("school", level));
    return;
  }
  const hit = WORDS.first(r.rest);
  if (!hit) return;
  r.add(fact("school", hit.value));
  takeAll(r);
}

function takeAll(r: SegmentReader): void {
  for (const h of WORDS.find(r.rest)) r.take(h.start, h.end);
}
