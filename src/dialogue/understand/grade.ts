/**
 * Disability grade. China's certificate uses grades 1-4, named by severity:
 * 1 extremely severe, 2 severe, 3 moderate, 4 mild. People often say only the
 * severity word. Moderate/mild (zhong du / qing du) pin down one grade;
 * colloquial "severe" (zhong du, heavy) covers grades 1-2, so we return
 * "severe" and the bot asks which one. Bare "mild" in English is similarly
 * vague (3 or 4) -> "mild". Words are in data/understand.json ("grade").
 */
import { normalize } from "./normalize.js";
import { parseNumber } from "./numbers.js";
import { LEX, alt, chars } from "./lexicon.js";

export type Grade = 1 | 2 | 3 | 4 | "severe" | "mild";

const L = LEX.grade;
const GRADE_DIGIT = `[1-4${chars(L.digitChars)}]`;
const ROMAN: ReadonlyMap<string, number> = new Map([["i", 1], ["ii", 2], ["iii", 3], ["iv", 4]]);

/** "2 ji", "di 3 ji": a grade digit before the grade word, not preceded by another numeral (shi er ji = 12). */
const ZH = new RegExp(`(?<![0-9${chars(L.notAfterChars)}])(${GRADE_DIGIT})\\s*${alt(L.suffix)}`);
const EN = /(?:grade|level|class|category)\s*(?:no\.?\s*)?([0-9]+|iv|i{1,3}|one|two|three|four)(?![0-9a-z])/;
/** A message that is nothing but the number: "3", or the ordinal "di san". */
const BARE = new RegExp(`^(?:${alt(L.ordinal)}\\s*)?(${GRADE_DIGIT}|[0-9]+)\\s*${alt(L.bareSuffix)}?$`);

const isGrade = (g: unknown): g is Grade => g === 1 || g === 2 || g === 3 || g === 4 || g === "severe" || g === "mild";

/** Severity words in data order, most specific first ("extremely severe" contains "severe"). */
const SEVERITY: readonly (readonly [RegExp, Grade])[] = [
  ...L.severity.map(({ grade, words }): [RegExp, Grade] => {
    if (!isGrade(grade)) throw new Error(`understand.json: grade.severity has unknown grade ${JSON.stringify(grade)}`);
    return [new RegExp(alt(words)), grade];
  }),
  // Needs a word boundary, which a plain word list cannot say.
  [/\bmild\b/, "mild"],
];

/** The explicit grade number, if the message states one. */
function explicitGrade(s: string): number | undefined {
  const zh = ZH.exec(s);
  if (zh) return parseNumber(zh[1]!);
  const en = EN.exec(s);
  if (en) return ROMAN.get(en[1]!) ?? parseNumber(en[1]!);
  const bare = BARE.exec(s);
  if (bare) return parseNumber(bare[1]!);
  return undefined;
}

function severity(s: string): Grade | undefined {
  for (const [re, grade] of SEVERITY) if (re.test(s)) return grade;
  return undefined;
}

function consistent(grade: number, sev: Grade): boolean {
  if (sev === "severe") return grade <= 2;
  if (sev === "mild") return grade >= 3;
  return sev === grade;
}

export function parseGrade(text: string): Grade | undefined {
  try {
    const s = normalize(text);
    if (!s) return undefined;
    const sev = severity(s);
    const n = explicitGrade(s);
    if (n === undefined) return sev;
    if (n !== 1 && n !== 2 && n !== 3 && n !== 4) return undefined;
    // "grade 1, mild" contradicts itself; better to ask again than pick one.
    if (sev !== undefined && !consistent(n, sev)) return undefined;
    return n;
  } catch {
    return undefined;
  }
}
