/**
 * Yes/no answers. Exact short replies are looked up in tables; short
 * sentences ("I have the certificate", "i don't have one") fall back to
 * polarity words, with negation winning because Chinese and English both mark
 * "no" explicitly (mei/bu/not) while "yes" is often just the bare verb.
 * "I don't know" and echoed questions ("have or not?") are *not* answers.
 * All words are in data/understand.json ("yesno").
 */
import { normalize } from "./normalize.js";
import { LEX, alt, chars } from "./lexicon.js";

const L = LEX.yesno;
const YES: ReadonlySet<string> = new Set(L.yes);
const NO: ReadonlySet<string> = new Set(L.no);

/** Not an answer: doubt, or the user repeating the question back. */
const UNKNOWN = new RegExp(`${alt(L.unknown)}|don'?t know|\\bidk\\b`);

/** Words that contain a negative mark but do not negate; some even affirm. */
const FALSE_NEGATIVES = new RegExp(alt([...L.affirming, ...L.notNegating]), "g");
const AFFIRMING: ReadonlySet<string> = new Set(L.affirming);
const NEG_MARK = new RegExp(alt(L.negative.marks));
const POS_MARK = new RegExp(alt(L.positive.marks));
const NEG_WORD: ReadonlySet<string> = new Set(L.negative.words);
const POS_WORD: ReadonlySet<string> = new Set(L.positive.words);

/** Short replies only: a long message is probably not a yes/no answer. */
const MAX_SENTENCE = 50;

const LEADING_FILLER = new RegExp(
  `^(?:${alt(L.repeatableFillers)}+|${alt(L.leadingFillers)}|um+|uh+)[${chars(L.fillerSeparatorChars)}\\s]+(?=\\S)`,
);
const TRAILING = new RegExp(`[${chars(L.trailingChars)}\\s]+$`, "u");

function tidy(s: string): string {
  let t = s.replace(LEADING_FILLER, "");
  t = t.replace(TRAILING, "");
  // "yes yes", "right right right": repetition is emphasis. (Length-guarded: backreference.)
  if (t.length <= MAX_SENTENCE) t = t.replace(/^(.+?)(?:\s*\1)+$/u, "$1");
  return t;
}

export function parseYesNo(text: string): boolean | undefined {
  try {
    const raw = normalize(text);
    if (!raw) return undefined;
    const s = tidy(raw);
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    if (s.length > MAX_SENTENCE || UNKNOWN.test(s)) return undefined;

    let affirmed = false;
    let zh = s.replace(FALSE_NEGATIVES, (m) => {
      if (AFFIRMING.has(m)) affirmed = true; // "not wrong" means "right"
      return " ";
    });
    const words = zh.match(/[a-z']+/g) ?? [];
    zh = zh.replace(/[a-z']+/g, " ");
    const neg = NEG_MARK.test(zh) || words.some((w) => NEG_WORD.has(w)) || L.negative.symbols.some((x) => s.includes(x));
    if (neg) return false;
    const pos =
      affirmed || POS_MARK.test(zh) || words.some((w) => POS_WORD.has(w)) || L.positive.symbols.some((x) => s.includes(x));
    return pos ? true : undefined;
  } catch {
    return undefined;
  }
}
