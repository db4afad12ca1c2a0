/**
 * Schooling: "in year 2" (primary), "junior year 2", "senior year 1", "at vocational school", "first
 * year of university", "at kindergarten", "not at school". Read before durations, so that "year 2"
 * of school is never a stay of two years. Words: data/understand.json ("facts.school", "literals.school").
 */
import { LEX, alt, charSet, chars, numberTable, words, ZH_DIGITS, ZH_NUMERALS } from "./lexicon.js";
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

const GRADUATED = new WordFinder(words("school", "graduated").map((w) => [w, true] as const));
const RECENT = new WordFinder(words("school", "recent").map((w) => [w, true] as const));
const NO_JOB = new WordFinder(words("school", "noJob").map((w) => [w, true] as const));

/** "third grade", "3rd grade"; "grade 3" where school was asked. */
const ORDINALS_EN = numberTable("school", "gradeOrdinalsEn");
const GRADE_EN = alt(words("school", "gradeWordEn"));
const ORDINAL_GRADE_EN = new RegExp(`(?<![a-z0-9])(${alt([...ORDINALS_EN.keys()])})\\s+(?:${GRADE_EN})(?![a-z])`, "u");
const GRADE_NUMBER_EN = new RegExp(`(?<![a-z])(?:${GRADE_EN})\\s*([1-9]|1[0-2])(?![0-9])`, "u");
/** The last school year of each level, in order. */
const LEVEL_LAST = [...numberTable("school", "gradeLevels")].sort((a, b) => a[1] - b[1]);

function readEnglishGrade(r: SegmentReader): boolean {
  const ordinal = ORDINAL_GRADE_EN.exec(r.rest);
  const numbered = ordinal ? null : r.context.ask === "school" && r.context.aboutAsked ? GRADE_NUMBER_EN.exec(r.rest) : null;
  const m = ordinal ?? numbered;
  if (!m) return false;
  const n = ordinal ? ORDINALS_EN.get(m[1]!)! : Number(m[1]);
  const level = LEVEL_LAST.find(([, last]) => n <= last)?.[0] as (typeof LEVELS)[number] | undefined;
  if (!level) return false;
  r.take(m.index, m.index + m[0].length);
  r.add(fact("school", level));
  return true;
}

export function readSchool(r: SegmentReader): void {
  if (readGraduated(r)) return;
  if (readEnglishGrade(r)) return;
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

/**
 * "graduated from university this year, no job yet": not at school now, and a recent graduate.
 * Without both the recency and the missing job, graduating says only that the person left school.
 */
function readGraduated(r: SegmentReader): boolean {
  const done = GRADUATED.first(r.rest);
  if (!done) return false;
  const level = WORDS.first(r.rest)?.value;
  r.take(done.start, done.end);
  takeAll(r);
  r.add(fact("school", "none"));
  if (level === "higher" && RECENT.first(r.context.message) && NO_JOB.first(r.context.message)) r.add(fact("recentGraduate", true));
  return true;
}

function takeAll(r: SegmentReader): void {
  for (const h of WORDS.find(r.rest)) r.take(h.start, h.end);
}
