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
const AGE_ASKS = new Set(["opening", "members"]);

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
  if (seg.empty || SKIP.has(seg.text) || CORRECTION.has(seg.text)) return [];
  const age = bareAge(input.key, seg, subjects);
  if (age) return age;
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
  if (!AGE_ASKS.has(asking) && !named) return undefined;
  // "my wife is 75, not 57": the number denied is not the age.
  const text = normalize(seg.rest).replace(DENIED_NUMBER, " ").replace(AGE_FILLERS, " ");
  if (!HAS_NUMERAL.test(text) || NOT_NUMERAL.test(text)) return undefined;
  const ages = scanNumbers(text).map((t) => t.value);
  if (ages.length === 0 || ages.some((a) => a === undefined || a < 0 || a > 120 || !Number.isInteger(a))) return undefined;
  const target = subjects.targets(seg.subject);
  const count = target === "household" ? 1 : target.length;
  if (ages.length === 1 && count <= 1) return [{ kind: "fact", fact: "age", value: ages[0]! }];
  return ages.length === count ? [{ kind: "fact", fact: "ages", value: ages }] : [{ kind: "doubt", fact: "age", reason: "conflict" }];
}
