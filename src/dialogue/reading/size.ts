// How many people a message says live on the money it names: "the two of us", "the old couple",
// "four people", "a family of five", "just me" (one). Words are in data/understand.json ("literals.size").
import { alt, LEX, parseNumber, words, wordSet } from "../understand/mod.js";

const ALONE = wordSet(words("size", "alone"));
const COUPLE = wordSet(LEX.reading.couple);
const NUM = "([2-9]|[\\p{Script=Han}])";
const COUNT = new RegExp(`${NUM}\\s*(?:${alt(words("size", "peopleCounter"))})(?!${alt(words("size", "notAfterCounter"))})|(?:${alt(words("size", "familyOf"))})\\s*${NUM}|(?:${alt(words("size", "familyOfEn"))})\\s*(\\d)`, "u");

/**
 * "Four people" says the size even of a known household; "the two of us" only where the size is
 * not known ("our son earns 5,000, the two of us nothing" is a household of three, couple included).
 */
export function householdSizeSaid(text: string, sizeKnown: boolean): number | undefined {
  const m = COUNT.exec(text);
  const n = m ? parseNumber(m[1] ?? m[2] ?? m[3] ?? "") : undefined;
  if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 30) return n;
  if (sizeKnown) return undefined;
  if (COUPLE.has(text)) return 2;
  if (ALONE.has(text)) return 1;
  return undefined;
}
