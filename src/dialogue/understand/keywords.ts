/**
 * Facts named by a word anywhere in a message (data/understand.json "facts"): yes/no facts such as
 * the residence permit, dibao or being a veteran, with their polarity, and facts with a few values
 * (hukou type, housing, work, chronic conditions). Disability, school, ages, money and places have
 * readers of their own.
 */
import { LEX, alt, chars, words, ZH_NUMERALS } from "./lexicon.js";
import { parseNumber } from "./numbers.js";
import { doubt, fact, type Mention } from "./mentions.js";
import { PAST_FACTS, pastPolarity, polarityAt } from "./polarity.js";
import type { SegmentReader } from "./segment-reader.js";
import { WordFinder } from "./words.js";

const F = LEX.facts;
/** Facts read by their own readers, not here. */
const OWN_READERS = new Set(["disabled", "disabilityKind"]);

const IGNORE = "$ignore";

/** Flag words, and words that contain one but mean something else (the dibao standard is not dibao). */
const FLAGS = new WordFinder(
  Object.entries(F.flags)
    .filter(([name]) => !OWN_READERS.has(name))
    .flatMap(([name, def]) => [...def.words.map((w) => [w, name] as const), ...(def.ignore ?? []).map((w) => [w, IGNORE] as const)]),
);

/** Two-valued facts: denying one value states the other ("not a rural hukou" is an urban hukou). */
const BINARY: ReadonlySet<string> = new Set(["hukouType", "sex"]);

function enumFinder(name: string): WordFinder<string> {
  return new WordFinder(Object.entries(F.enums[name] ?? {}).flatMap(([value, words]) => words.map((w) => [w, value] as const)));
}
const ENUMS: readonly (readonly [string, WordFinder<string>])[] = Object.keys(F.enums)
  .filter((name) => !OWN_READERS.has(name) && name !== "conditions")
  .map((name) => [name, enumFinder(name)] as const);
const CONDITIONS = enumFinder("conditions");

export function readFlags(r: SegmentReader): void {
  for (const hit of FLAGS.find(r.rest)) {
    if (hit.value === IGNORE) {
      r.take(hit.start, hit.end);
      continue;
    }
    // "was on dibao before": a status now, said of the past, is asked again (unless the message says it ended or goes on).
    const past = PAST_FACTS.has(hit.value) ? pastPolarity(r.rest, hit.start, hit.end) : undefined;
    const polarity = past ?? polarityAt(r.rest, hit.start, hit.end);
    r.take(hit.start, hit.end);
    if (polarity === "doubt") {
      r.add(doubt(hit.value, past ? "past" : "hedge"));
      continue;
    }
    const value = polarity === "yes";
    r.add(fact(hit.value, value));
    // Being pregnant says she is a woman; a key entitled person is a veteran.
    if (value) for (const [implied, v] of Object.entries(F.flags[hit.value]?.implies ?? {})) r.add(fact(implied, v, true));
    if (hit.value === "pregnant" && value) readPregnancyMonths(r, hit.end);
  }
}

const PREGNANCY_MONTHS = new RegExp(
  `^\\s*(?:${alt(words("pregnancy", "fillers"))})?\\s*([0-9]+|[${chars(ZH_NUMERALS)}]+)\\s*(${alt(words("pregnancy", "units"))})`,
  "u",
);
const WEEKS = new RegExp(alt(words("pregnancy", "weekUnits")), "u");

/** "pregnant, five months now", "pregnant 20 weeks": months of pregnancy, right after the word. */
function readPregnancyMonths(r: SegmentReader, from: number): void {
  const m = PREGNANCY_MONTHS.exec(r.rest.slice(from));
  if (!m) return;
  const n = parseNumber(m[1]!);
  if (n === undefined) return;
  const months = WEEKS.test(m[2]!) ? Math.floor(n / 4.345) : n;
  if (months >= 0 && months <= 10) r.add(fact("monthsPregnant", months));
  r.take(from, from + m[0].length);
}

export function readEnums(r: SegmentReader): void {
  // A value word inside a flag word ("unemployed" in "registered as unemployed") says both: the flag reader still reads it.
  const flagWords = FLAGS.find(r.rest).filter((h) => h.value !== IGNORE);
  const insideFlag = (h: { start: number; end: number }) => flagWords.some((f) => f.start <= h.start && h.end <= f.end && f.end - f.start > h.end - h.start);
  for (const [name, finder] of ENUMS) {
    for (const hit of finder.find(r.rest)) {
      if (hit.value === IGNORE) continue;
      const polarity = polarityAt(r.rest, hit.start, hit.end);
      if (!insideFlag(hit)) r.take(hit.start, hit.end);
      if (polarity === "doubt") r.add(doubt(name, "hedge"));
      else if (polarity === "yes") r.add(fact(name, hit.value));
      else if (BINARY.has(name)) r.add(fact(name, otherValue(name, hit.value), true));
    }
  }
  readBareSex(r);
}

/** "female" as one character standing alone in a caseworker's line ("70 sui nv"): a whole token only. */
const BARE_SEX = new RegExp(`(?<=^|\\s)(${alt([...words("sex", "female"), ...words("sex", "male")])})(?=\\s|$)`, "u");
const FEMALE: ReadonlySet<string> = new Set(words("sex", "female"));

function readBareSex(r: SegmentReader): void {
  const m = BARE_SEX.exec(r.rest);
  if (!m) return;
  r.take(m.index, m.index + m[0].length);
  r.add(fact("sex", FEMALE.has(m[1]!) ? "female" : "male"));
}

function otherValue(name: string, value: string): string {
  return Object.keys(F.enums[name] ?? {}).find((v) => v !== value && v !== IGNORE) ?? value;
}

/** Chronic conditions: the ones named; "none of them" only where the question asked about them. */
export function readConditions(r: SegmentReader): void {
  const named: string[] = [];
  let denied = false;
  for (const hit of CONDITIONS.find(r.rest)) {
    const polarity = polarityAt(r.rest, hit.start, hit.end);
    r.take(hit.start, hit.end);
    if (polarity === "yes") named.push(hit.value);
    else if (polarity === "no") denied = true;
    else r.add(doubt("conditions", "hedge"));
  }
  if (named.length > 0) r.add(fact("conditions", [...new Set(named)]));
  else if (denied && r.context.ask === "conditions") r.add(fact("conditions", []));
}

export type { Mention };
