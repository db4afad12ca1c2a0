/**
 * Phrases that answer the question being asked and only that one ("goes home every day" to "does
 * the pupil board?", "the contract ran out" to "did the job end against your wish?"), from data/understand.json
 * "facts.answers". Read first, while that question is asked, so the general readers do not
 * take the same words for something else.
 */
import { factDefinition } from "../../profile/mod.js";
import { LEX, alt, words } from "./lexicon.js";
import { doubt, fact } from "./mentions.js";
import { isHedged } from "./polarity.js";
import type { SegmentReader } from "./segment-reader.js";
import { WordFinder } from "./words.js";

const DOUBT = "$doubt";
const DISCHARGE_YEAR = new RegExp(`((?:19|20)[0-9]{2})\\s*(?:${alt(words("discharge", "year"))})\\s*(?:${alt(words("discharge", "verbs"))})`, "u");
const ANSWERS = LEX.facts.answers;
const IMPLIES = new Map(Object.entries(ANSWERS.$implies ?? {}));
const FINDERS = new Map(
  Object.entries(ANSWERS as Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>)
    .filter(([name]) => !name.startsWith("$"))
    .map(([name, values]) => [name, new WordFinder(Object.entries(values).flatMap(([value, words]) => words.map((w) => [w, value] as const)))] as const),
);

/** The answer phrases of a question, so that segmenting does not cut them at a relation word. */
export function answerPhrases(ask: string): WordFinder<string> | undefined {
  return FINDERS.get(ask);
}

export function readAnswers(r: SegmentReader): void {
  const finder = FINDERS.get(r.context.ask);
  const def = factDefinition(r.context.ask);
  // A household fact is answered by any clause ("my son works at the factory" answers "does nobody work?").
  if (!finder || !(r.context.aboutAsked || def?.scope !== "member")) return;
  const hedged = isHedged(r.rest);
  for (const hit of finder.find(r.rest)) {
    r.take(hit.start, hit.end);
    if (hit.value === DOUBT || hedged) {
      r.add(doubt(r.context.ask, hedged ? "hedge" : "vague"));
      continue;
    }
    const value = combined(r, hit.value) ?? hit.value;
    r.add(fact(r.context.ask, def?.type === "boolean" ? value === "true" : def?.type === "enum-list" ? [value] : value));
    for (const [implied, v] of Object.entries(IMPLIES.get(hit.word) ?? {})) r.add(fact(implied, v, true));
  }
  readYearOfDischarge(r);
  readCombined(r, finder);
}

/** "only one daughter ... she died": an answer that another clause of the message turns into another value. */
function combined(r: SegmentReader, value: string): string | undefined {
  const rule = ANSWERS.$combine?.[r.context.ask];
  if (!rule || rule.when !== value) return undefined;
  return rule.with.some((w) => r.context.message.includes(w)) ? rule.gives : undefined;
}

/** "his mother works away, his father is paralysed": one parent away and the other unable to care. */
function readCombined(r: SegmentReader, finder: WordFinder<string>): void {
  const rule = ANSWERS.$combine?.[r.context.ask];
  if (!rule?.away || r.found(r.context.ask) || finder.has(r.context.message)) return;
  const away = rule.away.some((w) => r.context.message.includes(w));
  const unable = rule.with.some((w) => r.context.message.includes(w));
  if (away && unable && rule.with.some((w) => r.text.includes(w))) r.add(fact(r.context.ask, rule.gives === "true"));
}

/** "left the army in 2010": discharged in a year long past is not a recent discharge. */
function readYearOfDischarge(r: SegmentReader): void {
  if (r.context.ask !== "recentlyDischarged" || r.found("recentlyDischarged")) return;
  const m = DISCHARGE_YEAR.exec(r.rest);
  if (!m) return;
  r.take(m.index, m.index + m[0].length);
  r.add(fact("recentlyDischarged", r.context.year - Number(m[1]) <= 1));
}
