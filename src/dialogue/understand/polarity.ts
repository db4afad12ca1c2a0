/**
 * Whether a word the text names is affirmed or denied: "no residence permit", "the permit has not
 * come through yet", "the certificate is being processed" deny it (a certificate being applied for
 * is not held); "have a permit", a bare "permit" affirm it; "should have, I think" leaves it in
 * doubt. Only the words next to the term count, and the closest one wins, so "no job but I have a
 * permit" affirms the permit. Words: data/understand.json ("reading", "literals.polarity").
 */
import { LEX, alt, words } from "./lexicon.js";
import { WordFinder, wordSet } from "./words.js";

const R = LEX.reading;
const HEDGE = wordSet([...R.hedges, ...R.hedgesEn]);
type Mark = "no" | "notYet" | "after" | "yes" | "skip";
/** Words with a negative mark that do not negate ("not bad" = fine, "not few" = many), and "about to expire", are read as nothing. */
const MARKS = new WordFinder<Mark>([
  ...R.notYetAfterOnly.map((w) => [w, "after"] as const),
  ...R.notYet.filter((w) => !R.notYetAfterOnly.includes(w)).map((w) => [w, "notYet"] as const),
  ...[...LEX.yesno.affirming, ...LEX.yesno.notNegating, ...R.stillHeld].map((w) => [w, "skip"] as const),
  ...[...R.negations, ...R.negationsEn].map((w) => [w, "no"] as const),
  ...R.positives.map((w) => [w, "yes"] as const),
]);

export type Polarity = "yes" | "no" | "doubt";

const HOLDING_AFTER = new RegExp(`^\\s*(?:$|${alt(words("polarity", "holdingAfter"))})`, "u");

/** How far before a term a mark still applies to it ("have not applied for the certificate"), and after it. */
const BEFORE = 5;
const AFTER = 7;

export function polarityAt(text: string, start: number, end: number): Polarity {
  const before = text.slice(Math.max(0, start - BEFORE), start);
  const after = text.slice(end, end + AFTER);
  if (HEDGE.has(before) || HEDGE.has(after)) return "doubt";
  const closestBefore = MARKS.find(before).filter((h) => h.value !== "skip" && h.value !== "after").pop();
  const firstAfter = MARKS.find(after).find((h) => h.value !== "skip" && h.start <= (h.value === "after" ? 4 : 2));
  // "the permit has not come yet", "dibao was stopped last year": a not-yet after the term denies it even after a "have" before it.
  if (firstAfter?.value === "notYet" || firstAfter?.value === "after" || closestBefore?.value === "notYet") return "no";
  if (closestBefore) return closestBefore.value === "yes" ? "yes" : "no";
  // "permit: none", "certificate: not applied for": a negation right after the term, ending the clause
  // or before a verb of holding; "the dibao payment, no other income" negates what follows, not the term.
  if (firstAfter?.value === "no" && HOLDING_AFTER.test(after.slice(firstAfter.end))) return "no";
  return "yes";
}

const PAST = new WordFinder([...R.past.map((w) => [w, "past"] as const)]);
const PAST_ENDED = new WordFinder([...R.pastEnded.map((w) => [w, "no"] as const), ...R.pastGoesOn.map((w) => [w, "yes"] as const)]);
export const PAST_FACTS: ReadonlySet<string> = new Set(R.pastFacts);
/** How far a past word reaches before the term ("we, before, were on dibao"), and how far its "but now" after it. */
const PAST_BEFORE = 12;
const PAST_AFTER = 10;

/**
 * A status said of the past ("was on dibao before", "on dibao before"): no when the message says it
 * ended, yes when it says it goes on, doubt otherwise; undefined when nothing near the term speaks of the past.
 */
export function pastPolarity(text: string, start: number, end: number): Polarity | undefined {
  const near = text.slice(Math.max(0, start - PAST_BEFORE), start) + " " + text.slice(end, end + PAST_AFTER);
  if (PAST.find(near).length === 0) return undefined;
  const settled = pastSettled(text.slice(end, end + PAST_AFTER));
  return settled === undefined ? "doubt" : settled ? "yes" : "no";
}

/** What a clause says of a status it follows: ended (false), goes on (true), or nothing. */
export function pastSettled(text: string): boolean | undefined {
  const now = PAST_ENDED.find(text)[0];
  return now ? now.value === "yes" : undefined;
}

export function isHedged(text: string): boolean {
  return HEDGE.has(text);
}
