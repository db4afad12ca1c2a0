/**
 * Where people live and where their hukou is. "working in Qingdao for three years" says the city
 * they live in and how long; "from Henan", "hukou in another province" say the hukou is in another
 * province; "from Linyi", "Linyi hukou" name a hukou city, which is local or elsewhere in Shandong
 * depending on where they live (decided when the message is put together); "local rural hukou" is
 * a local hukou. A hukou city never sets where they live. Words: data/understand.json
 * ("facts.residence", "literals.places").
 */
import { HOUSEHOLD, LEX, alt, charSet, chars, numberTable, words, ZH_NUMERALS } from "./lexicon.js";
import { blankNotNumbers, parseNumber } from "./numbers.js";
import { doubt, fact } from "./mentions.js";
import { parseMonths } from "./duration.js";
import type { SegmentReader } from "./segment-reader.js";
import { WordFinder, wordSet } from "./words.js";

const P = LEX.facts.residence;
const CITY = new WordFinder(Object.entries(HOUSEHOLD.cities).flatMap(([city, spellings]) => [[city, city] as const, ...spellings.map((s) => [s, city] as const)]));
const PROVINCE = wordSet((HOUSEHOLD.valueAliases.hukou?.["other-province"] ?? []).filter((w) => !P.ambiguousElsewhere.includes(w) && !P.otherProvince.includes(w)));
const OTHER_PROVINCE = wordSet(P.otherProvince);
const OTHER_SHANDONG = wordSet(P.otherShandong);
const LOCAL = wordSet(P.localWords);
/** "From elsewhere" (Shandong or another province?) and "Shandong" (local or another city?) are asked back. */
const ELSEWHERE = wordSet([...P.ambiguousElsewhere, ...P.ambiguousShandong]);
const HUKOU_MARK = wordSet(P.hukouMarks);
const LIVE_BEFORE = new RegExp(`(?:${sorted(P.liveVerbs)})\\s*$`, "u");
const LIVE_AFTER = new RegExp(`^\\s*(?:${sorted(P.liveAfter)})`, "u");
const FROM_AFTER = new RegExp(`^\\s*(?:${sorted(P.fromMarks)})`, "u");
const STAY = wordSet([...P.durationVerbs, ...P.justArrived, ...P.liveAfter]);
const UPPER_BOUND = wordSet(LEX.duration.upperBound);

function sorted(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("|");
}

const HUKOU_BEFORE = new RegExp(`(?:${sorted(P.hukouMarks)})\\s*$`, "u");

export function readPlaces(r: SegmentReader): void {
  // The whole segment says whether it is about the hukou, before other readers took the hukou word from it.
  const hukouTalk = HUKOU_MARK.has(r.text) || (r.context.ask === "hukou" && r.context.aboutAsked);
  let livingHere = false;
  for (const hit of CITY.find(r.rest)) {
    const before = r.rest.slice(0, hit.start);
    const after = r.rest.slice(hit.end);
    const namedHukou = HUKOU_BEFORE.test(before) || HUKOU_AFTER.test(after);
    const asksCity = r.context.ask === "city" && !hukouTalk;
    const lives = !namedHukou && (LIVE_BEFORE.test(before) || LIVE_AFTER.test(after) || asksCity);
    r.take(hit.start, hit.end);
    if (lives) {
      r.add(fact("city", hit.value));
      livingHere = true;
    } else if (hukouTalk || FROM_AFTER.test(after)) r.add({ kind: "hukouPlace", city: hit.value });
  }
  readHukouWords(r, hukouTalk);
  readStay(r, livingHere);
}

function readHukouWords(r: SegmentReader, hukouTalk: boolean): void {
  const fromPlace = (finder: ReturnType<typeof wordSet>) => {
    const hit = finder.first(r.rest);
    if (!hit) return undefined;
    const from = hukouTalk || FROM_AFTER.test(r.rest.slice(hit.end)) || !LIVE_BEFORE.test(r.rest.slice(0, hit.start));
    r.take(hit.start, hit.end);
    return from;
  };
  if (fromPlace(OTHER_PROVINCE) || fromPlace(PROVINCE)) return void r.add(fact("hukou", "other-province"));
  const shandong = OTHER_SHANDONG.first(r.rest);
  if (shandong && hukouTalk) {
    r.take(shandong.start, shandong.end);
    return void r.add(fact("hukou", "shandong"));
  }
  if (fromPlace(ELSEWHERE) && hukouTalk) return void r.add(doubt("hukou", "vague"));
  const local = LOCAL.first(r.rest);
  if (local && (hukouTalk || LOCAL_MARK.test(local.word))) {
    r.take(local.start, local.end);
    r.add(fact("hukou", "local"));
  }
}

/** How long they have lived here: a duration next to a word of staying, or where the stay was asked. */
const YEARS_AGO = numberTable("places", "yearsAgo");
/** "came in March last year": months since then. */
const SINCE = new RegExp(
  `(${alt([...YEARS_AGO.keys()])})\\s*([0-9]{1,2}|[${chars(ZH_NUMERALS)}]{1,2})\\s*(?:${alt(words("places", "monthWord"))})\\s*(?:${alt(words("places", "arrived"))})`,
  "u",
);
/** "came in 2020", "came in March 2020": months since then. */
const SINCE_YEAR = new RegExp(
  `(?<![0-9])((?:19|20)[0-9]{2})\\s*(?:${alt(words("places", "calendarYear"))})\\s*(?:([0-9]{1,2}|[${chars(ZH_NUMERALS)}]{1,2})\\s*(?:${alt(words("places", "monthWord"))}))?\\s*(?:${alt(words("places", "arrivedFillers"))})?\\s*(?:${alt(words("places", "arrived"))})`,
  "u",
);
const HUKOU_AFTER = new RegExp(`^\\s*(?:${alt(P.hukouMarks)})`, "u");
const LOCAL_MARK = new RegExp(alt(words("places", "localMarks")), "u");
const DURATION_UNIT = new RegExp(alt(words("places", "durationUnits")), "u");
const DURATION_NUMERAL = new RegExp(`[0-9${chars(ZH_NUMERALS)}${chars(charSet("places", "durationChars"))}]`, "u");
const DURATION_RUN = new RegExp(`[0-9${chars(ZH_NUMERALS)}${chars(charSet("places", "durationChars"))}]+`, "gu");

function readStay(r: SegmentReader, livingHere: boolean): void {
  const asked = r.context.ask === "monthsResident" && r.context.aboutAsked;
  if (!asked && !livingHere && !STAY.has(r.rest)) return;
  const since = SINCE.exec(r.rest);
  if (since) {
    const month = parseNumber(since[2]!);
    if (month && month >= 1 && month <= 12) {
      const months = YEARS_AGO.get(since[1]!)! * 12 + r.context.month - month;
      r.take(since.index, since.index + since[0].length);
      if (months >= 0) return void r.add(fact("monthsResident", months));
    }
  }
  const sinceYear = SINCE_YEAR.exec(r.rest);
  if (sinceYear) {
    const years = r.context.year - Number(sinceYear[1]);
    const month = sinceYear[2] === undefined ? undefined : parseNumber(sinceYear[2]);
    if (years >= 0 && years <= 130 && (month === undefined || (month >= 1 && month <= 12))) {
      r.take(sinceYear.index, sinceYear.index + sinceYear[0].length);
      // Only the year: from its December, the least it can be; under a year that way is too unsure to record.
      const months = month === undefined ? (years - 1) * 12 + r.context.month : years * 12 + r.context.month - month;
      if (month === undefined && months < 12) return void r.add(doubt("monthsResident", "approximate"));
      if (months >= 0) return void r.add(fact("monthsResident", months));
    }
  }
  // "came here together with me" holds a numeral that is no number.
  const rest = blankNotNumbers(r.rest);
  if (!DURATION_NUMERAL.test(rest)) return;
  if (UPPER_BOUND.has(rest) && DURATION_UNIT.test(rest)) return void r.add(doubt("monthsResident", "approximate"));
  const text = rest.replace(new RegExp(sorted([...P.durationVerbs, ...P.justArrived, ...P.liveAfter, ...P.liveVerbs]), "gu"), (w) => " ".repeat(w.length));
  const months = DURATION_UNIT.test(text) || asked ? parseMonths(text) : undefined;
  if (months === undefined) return;
  r.add(fact("monthsResident", Math.floor(months)));
  r.rest = r.rest.replace(DURATION_RUN, (w) => " ".repeat(w.length));
}
