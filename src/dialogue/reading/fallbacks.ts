// What the readers left of a segment, read as a plain answer: to the question asked ("yes", "1",
// "65", "three years"), or as a named person's age ("my wife 70", "me 65", "one 12, one 9").
import type { Profile } from "../../profile/mod.js";
import { alt, chars, isHedged, LEX, normalize, scanNumbers, words, wordSet, ZH_NUMERALS, type Mention, type ReadSegment } from "../understand/mod.js";
import { parseKey } from "../keys.js";
import { askedAnswer } from "./asked.js";
import type { AnswerOption } from "./options.js";
import type { Subjects } from "./subjects.js";

const SKIP = wordSet(LEX.reading.skipWords);
const NUMERAL = `0-9${chars(ZH_NUMERALS)}`;
const DENIED_NUMBER = new RegExp(`(?:${alt(words("fallback", "denied"))})\\s*[${NUMERAL}]+`, "gu");
const AGE_FILLERS = new RegExp(alt(words("fallback", "ageFillers")), "gu");
const HAS_NUMERAL = new RegExp(`[${NUMERAL}]`, "u");
const NOT_NUMERAL = new RegExp(`[^\\s${NUMERAL}]`, "u");
const CORRECTION = wordSet([...LEX.reading.correctionWords, ...LEX.reading.correctionWordsEn]);
/** "actually I am seventy-one": the correction word around a bare age does not make it something else. */
const CORRECTION_WORDS = new RegExp(alt(LEX.reading.correctionWords), "gu");
const AGE_ASKS = new Set(["opening", "members"]);
/**
 * "my son forty-five, does odd jobs outside": a number right after the relation word, then other words, is that
 * person's age; not a number with a unit, a count or an approximation after it ("two thousand", "three of them", "thirty-odd").
 */
const LEADING_AGE = new RegExp(
  `^\\s*([0-9]{1,3}|[${chars(ZH_NUMERALS)}]{1,4})(?![0-9${chars(ZH_NUMERALS)}])(?!\\s*(?:${alt([...words("ages", "notAfterNumber"), ...LEX.facts.age.approxAfter, ...LEX.facts.age.suffix, ...words("answer", "approxNumber")])}))\\s*\\S`,
  "u",
);

export interface FallbackInput {
  readonly key: string;
  readonly profile: Profile;
  readonly options: () => readonly AnswerOption[];
}

/** The extra mentions of one segment: the plain answer, or an age. */
export function fallbackMentions(input: FallbackInput, seg: ReadSegment, subjects: Subjects, doubted: boolean): Mention[] {
  const q = parseKey(input.key);
  // "not sure whether that counts": not knowing whether it counts is a doubt, not a skip.
  if (q?.kind === "fact" && SKIP.has(seg.text) && isHedged(seg.text)) return [{ kind: "doubt", fact: q.fact, reason: "hedge" }];
  if (seg.empty || SKIP.has(seg.text)) return [];
  // "no no, I am actually seventy-one": a bare age survives the correction word; no other plain answer does.
  const age = bareAge(input.key, seg, subjects);
  if (age) return age;
  if (CORRECTION.has(seg.text)) return [];
  if (q?.kind !== "fact") return [];
  // A segment whose words said something else ("the hukou is local") holds no plain answer in its leftovers.
  if (seg.mentions.length > 0) return [];
  if (!subjects.isAsked(seg.subject) && !seg.named) return [];
  const answer = askedAnswer(q.fact, seg.rest, input.options());
  // The asked fact already stated or doubted for this person: other facts of the answer still count ("pregnant, five months").
  return doubted && subjects.isAsked(seg.subject) ? answer.filter((m) => !("fact" in m) || m.fact !== q.fact) : answer;
}

/**
 * A bare number about a named person is their age: "me 65" on opening, "my wife 70, my son 45" on
 * the household question, "he is 26" about a client, "I am 72" while something else was asked. Not
 * while money or a stay is asked, and not for the person whose age was asked (that is the plain answer).
 */
function bareAge(key: string, seg: ReadSegment, subjects: Subjects): Mention[] | undefined {
  const q = parseKey(key);
  const asking = q?.kind === "fact" ? q.fact : key;
  if (asking === "incomePerPersonMonthly" || asking === "monthsResident" || asking === "monthsPregnant" || asking === "ageMonths") return undefined;
  if (asking === "age" && subjects.isAsked(seg.subject)) return undefined;
  const named = seg.named && seg.subject.kind !== "household";
  // On the household question a number alone belongs to nobody ("70" may be anyone's age).
  if (asking === "members" && seg.subject.kind !== "relation") return undefined;
  if (!AGE_ASKS.has(asking) && !named) return undefined;
  // "my wife is 75, not 57": the number denied is not the age.
  const text = normalize(seg.rest).replace(DENIED_NUMBER, " ").replace(CORRECTION_WORDS, " ").replace(AGE_FILLERS, " ");
  if (!HAS_NUMERAL.test(text)) return undefined;
  if (NOT_NUMERAL.test(text)) return babyAge(seg, text) ?? leadingAge(seg);
  const ages = scanNumbers(text).map((t) => t.value);
  if (ages.length === 0 || ages.some((a) => a === undefined || a < 0 || a > 120 || !Number.isInteger(a))) return undefined;
  const target = subjects.targets(seg.subject);
  const count = target === "household" ? 1 : target.length;
  if (ages.length === 1 && count <= 1) return [{ kind: "fact", fact: "age", value: ages[0]! }];
  return ages.length === count ? [{ kind: "fact", fact: "ages", value: ages }] : [{ kind: "doubt", fact: "age", reason: "conflict" }];
}

/** "the child 8 months": a baby's age in months, said right after the relation word. */
const BABY_MONTHS = new RegExp(`^\\s*([0-9]{1,2}|[${chars(ZH_NUMERALS)}]{1,3})\\s*(?:${alt(words("answer", "monthUnits"))})\\s*$`, "u");

function babyAge(seg: ReadSegment, text: string): Mention[] | undefined {
  if (seg.subject.kind !== "relation" || seg.subject.count !== 1) return undefined;
  const m = BABY_MONTHS.exec(text);
  const months = m ? scanNumbers(m[1]!)[0]?.value : undefined;
  if (months === undefined || !Number.isInteger(months) || months < 0 || months > 35) return undefined;
  return [{ kind: "fact", fact: "age", value: Math.floor(months / 12) }, { kind: "fact", fact: "ageMonths", value: months }];
}

/** The age right after a relation word, before what else is said of the person ("son 45, works away"). */
function leadingAge(seg: ReadSegment): Mention[] | undefined {
  if (seg.subject.kind !== "relation" || seg.subject.count !== 1) return undefined;
  if (seg.mentions.some((m) => (m.kind === "fact" || m.kind === "doubt") && (m.fact === "age" || m.fact === "ages"))) return undefined;
  const m = LEADING_AGE.exec(normalize(seg.rest));
  const age = m ? scanNumbers(m[1]!)[0]?.value : undefined;
  if (age === undefined || !Number.isInteger(age) || age < 10 || age > 120) return undefined;
  return [{ kind: "fact", fact: "age", value: age }];
}
