/**
 * Commands after the results: "details 3" (details of line 3), "3" alone, "change 2" (change answer 2),
 * "pending" (what is still open), "print" (the handout), "all results" (the results uncut). Words are in
 * data/understand.json ("intent.results").
 */
import { normalize } from "./normalize.js";
import { parseNumber } from "./numbers.js";
import { LEX, alt } from "./lexicon.js";

export type ResultsCommand =
  /** explicit: a word says what is meant ("details 3"), not a bare number, which may answer a question. */
  | { readonly kind: "details" | "change"; readonly n: number; readonly explicit: boolean }
  | { readonly kind: "pending" | "print" | "allResults" }
  /** "change age": ask that fact again. */
  | { readonly kind: "changeFact"; readonly fact: string };

const R = (LEX.intent as unknown as { results: Record<"details" | "change" | "pending" | "print" | "allResults", readonly string[]> }).results;
const NUMBERED = new RegExp(`^(?:(${alt(R.details)})|(${alt(R.change)}))?\\s*(?:no\\.?|#)?\\s*([0-9]{1,3}|[\\p{Script=Han}]{1,3})\\s*(?:${alt(LEX.options.counters)})?$`, "u");
const NAMED = Object.entries(LEX.correction.keywords).flatMap(([fact, words]) => words.map((w) => [w, fact] as const));
const CHANGE_FACT = new RegExp(`^(?:${alt([...R.change, ...LEX.correction.correctionWords])})\\s*(?:my\\s+|the\\s+)?(${alt(NAMED.map(([w]) => w))})$`, "u");
/** Words that also pick an option ("the second"): not a command while a question is open. */
const ORDINAL: readonly string[] = LEX.options.ordinal;
const WHOLE: readonly ("pending" | "print" | "allResults")[] = ["pending", "print", "allResults"];

export function parseResultsCommand(text: string): ResultsCommand | undefined {
  const s = normalize(text).replace(/[\s.!?\u3002\uff01\uff1f]+$/u, "");
  for (const kind of WHOLE) if (R[kind].includes(s)) return { kind };
  const named = CHANGE_FACT.exec(s);
  if (named) return { kind: "changeFact", fact: NAMED.find(([w]) => w === named[1])![1] };
  const m = NUMBERED.exec(s);
  if (!m) return undefined;
  const n = parseNumber(m[3]!);
  if (n === undefined || !Number.isInteger(n) || n < 1) return undefined;
  return { kind: m[2] ? "change" : "details", n, explicit: Boolean(m[2]) || (m[1] !== undefined && !ORDINAL.includes(m[1])) };
}
