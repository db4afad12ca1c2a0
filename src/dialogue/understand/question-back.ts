/**
 * Questions back: "what is a residence permit", "dibao is what?", "what is near-dibao", "how do I
 * get a permit", "can I apply without a permit?",
 * "what is a residence permit?". The user asks instead of answering; nothing may be recorded.
 * Returns the glossary term asked about (or the asked fact's term for a bare "what does that mean").
 * Words: data/understand.json ("questionBack", "literals.question").
 */
import { LEX, alt, charSet, chars, words } from "./lexicon.js";
import { TERM_WORDS, termForFact } from "./glossary.js";
import { wordSet } from "./words.js";

const Q = LEX.questionBack;
const PREFIX = wordSet(Q.prefix);
const SUFFIX = wordSet(Q.suffix);
/** "... means what?": always a question about meaning, whatever else the message holds. */
const MEANING = wordSet(Q.meaningSuffix);
const SUFFIX_PATTERN = new RegExp(Q.suffixPattern, "u");
const BARE: ReadonlySet<string> = new Set(Q.bare);
const FILLERS = wordSet(Q.bareFillers);
// Text is normalised (NFKC) first, so a full-width question mark is "?" here.
const END = new RegExp(`(?:${alt(Q.endSuffix)})\\??$`, "u");
/** "X is what?" about a short X that is no answer ("an agricultural major is what?"; not "no, don't know how to apply"). */
const ANSWER_START = new RegExp(`^(?:${alt(words("question", "answerStart"))})`, "u");
const PARTICLES = new RegExp(`[\\s${chars(charSet("question", "particles"))}]+`, "gu");

/** "don't know whether it still counts": not knowing right before the question words. */
const NOT_KNOWING_BEFORE = new RegExp(`(?:${alt(Q.notKnowing)})\\s*(?:(?:${alt(Q.notKnowingFillers)})\\s*)*$`, "u");

export interface QuestionBack {
  /** The glossary id, when the question names a known term. */
  readonly term?: string;
}

export function questionBack(normalized: string, askedFact: string): QuestionBack | undefined {
  const text = normalized.trim();
  if (BARE.has(text.replace(/\?+$/u, "").trim()) && text !== "?") return termFor(undefined, askedFact);
  const prefix = PREFIX.first(text);
  const suffix = SUFFIX.find(text);
  const patterned = SUFFIX_PATTERN.exec(text);
  if (!prefix && suffix.length === 0 && !patterned) return undefined;
  const terms = TERM_WORDS.find(text);
  // The term must sit after the prefix or before the suffix: "what is [a permit]", "[a permit] is what", "does [X] count as [Y]".
  const ends = [...suffix.map((s) => s.start), ...(patterned ? [patterned.index] : [])];
  // "used to be a registered poor household, don't know whether it still counts": a doubt, not a question.
  if (!prefix && ends.every((e) => NOT_KNOWING_BEFORE.test(text.slice(0, e)))) return undefined;
  const named = terms.find((t) => (prefix && t.start >= prefix.end) || ends.some((e) => e >= t.end));
  if (named) return { term: named.value };
  if (MEANING.has(text)) return termFor(undefined, askedFact);
  const end = END.exec(text);
  if (end) {
    const before = text.slice(0, end.index).trim();
    if (before.length >= 2 && before.length <= 8 && !ANSWER_START.test(before) && !/\s/u.test(before)) return {};
  }
  // "what is this?", "how?" with nothing else: the question about the thing just asked. "no, don't know how" is an answer.
  let rest = text;
  for (const finder of [SUFFIX, PREFIX, FILLERS]) for (const h of finder.find(rest)) rest = rest.slice(0, h.start) + " ".repeat(h.end - h.start) + rest.slice(h.end);
  if (rest.replace(PARTICLES, "") === "") return termFor(undefined, askedFact);
  return undefined;
}

function termFor(term: string | undefined, askedFact: string): QuestionBack {
  const id = term ?? termForFact(askedFact)?.id;
  return id ? { term: id } : {};
}
