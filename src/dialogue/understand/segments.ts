/**
 * Cuts a message into segments, each about one subject: "I'm 68, rural hukou, my wife has a grade-2
 * certificate, we get dibao" gives [I'm 68 | rural hukou] about the person chatting, [has a grade-2
 * certificate] about the spouse and [get dibao] about the household. A segment without a subject
 * word keeps the subject of the one before.
 */
import { parseNumber } from "./numbers.js";
import { LEX, ZH_NUMERALS, alt, charSet, chars, words } from "./lexicon.js";
import type { Subject } from "./mentions.js";
import { DECEASED, HOUSEHOLD_WORDS, SELF, THIRD, relationHits, type RelationHit } from "./people.js";
import { blank, wordSet } from "./words.js";

export interface Segment {
  /** The segment's text with the subject words blanked out. */
  readonly text: string;
  readonly subject: Subject;
  /** Whether the subject was named in this segment (not carried over). */
  readonly named: boolean;
  /** "I and my wife [both ...]": the relative's clause follows "I and"; with "both" it is about the two. */
  readonly withSelf?: boolean;
}

const R = LEX.reading;
const BREAKS = new Set([...R.clauseBreakChars]);
const CJK = /[\p{Script=Han}]/u;
const AWAY = wordSet(R.away);
const COUPLE = wordSet(R.couple);
const SELF_SPLIT = new RegExp(`(?=${R.selfSplit.join("|")})`, "u");
const USER = alt(words("segments", "ownersUser"));
const THIRD_OWNER = alt(words("segments", "ownersThird"));
/** Whose relative: a possessive right before the relation word ("my" in Chinese or English, "her"). */
const OWNER_USER = new RegExp(`(?:${USER}|(?<![a-z])${alt(words("segments", "ownersUserEn"))}\\s*)$`, "u");
const OWNER_THIRD = new RegExp(`(?:${THIRD_OWNER}|(?<![a-z])${alt(words("segments", "ownersThirdEn"))}\\s*)$`, "u");
const STARTS_WITH_USER = new RegExp(`^(?:${USER})`, "u");
/** "me 66 her 64": a pronoun right after a number starts a clause of its own. */
const PRONOUN_SPLIT = new RegExp(
  `(?<=[0-9${chars(ZH_NUMERALS)}${chars(charSet("segments", "splitAfter"))}])(?=(?:${alt(words("segments", "splitBefore"))})(?!${alt(words("segments", "notAfterSplit"))}))`,
  "u",
);
/** "my wife lives with me, she is 49": he or she in the middle of a clause starts a clause about them. */
const THIRD_SPLIT = new RegExp(
  `(?<=\\p{Script=Han})(?<![${chars(charSet("segments", "notBeforeThirdSplit"))}])(?=(?:${alt(words("segments", "thirdSplit"))})(?!${alt(words("segments", "notAfterSplit"))}))`,
  "u",
);
/** "my wife has a certificate, I have diabetes, we are rural": "I have", "we are" in the middle of a clause start one. */
const SELF_CLAUSE_SPLIT = new RegExp(
  `(?<=\\p{Script=Han})(?<![${chars(charSet("segments", "selfClauseNotAfter"))}])(?=(?:${alt(words("segments", "selfClauseSplit"))})(?:${alt(words("segments", "selfClauseStart"))}))`,
  "u",
);
/** "a seven-year-old son": an age and the particle before a relation word describe that person. */
const MODIFIER = new RegExp(`[0-9${chars(ZH_NUMERALS)}]+\\s*(?:${alt(LEX.facts.age.suffix)})\\s*(?:${alt(words("segments", "modifierEnd"))})\\s*$`, "u");
/** "I and" before a relative: "wo he", "an gen". */
const SELF_AND = new RegExp(`^\\s*(?:${alt(words("segments", "withJoiners"))})\\s*$`, "u");
/** A clause head that is only a possessive or a joining word ("my" before "old partner", "it is all [my daughter who...]"): no segment of its own. */
const POSSESSIVE_ONLY = new RegExp(`^\\s*(?:(?:${alt(words("segments", "glue"))})\\s*(?:${USER}|${THIRD_OWNER})?|${USER}|${THIRD_OWNER})\\s*$`, "u");

/** `protect` finds phrases that answer the question asked ("two daughters" to the family-planning question): no relation words there. */
export function segments(normalized: string, protect?: { find(text: string): { start: number; end: number }[] }): Segment[] {
  const out: Segment[] = [];
  let subject: Subject = { kind: "asked" };
  let ids = 0;
  for (const piece of pieces(normalized, protect)) {
    const hits = relationHits(piece, [...(protect?.find(piece) ?? []), ...COUPLE.find(piece)]);
    const carried = hits.map((hit, i) => MODIFIER.exec(piece.slice(i === 0 ? 0 : hits[i - 1]!.end, hit.start))?.[0] ?? "");
    const head = hits.length > 0 ? piece.slice(0, hits[0]!.start - carried[0]!.length) : piece;
    let withSelf = false;
    if (head.trim() && !(hits.length > 0 && POSSESSIVE_ONLY.test(head))) {
      const own = pronounSubject(head);
      if (own) subject = own;
      const text = own ? blankLeading(head) : head;
      // "I and [my wife ...]": no clause of its own, the relative's clause says whether it is about both.
      if (own?.kind === "self" && hits.length > 0 && SELF_AND.test(text)) withSelf = true;
      else out.push({ text, subject, named: own !== undefined });
    }
    hits.forEach((hit, i) => {
      const end = i + 1 < hits.length ? hits[i + 1]!.start - carried[i + 1]!.length : piece.length;
      const text = `${carried[i]} ${piece.slice(hit.end, end)}`.trim();
      subject = relationSubject(hit, piece, text, ids++);
      out.push({ text, subject, named: true, ...(withSelf && i === 0 && { withSelf }) });
    });
  }
  return out;
}

function relationSubject(hit: RelationHit, piece: string, text: string, id: number): Subject {
  const before = piece.slice(0, hit.start);
  return {
    kind: "relation",
    id,
    relation: hit.relation,
    word: hit.word,
    count: hit.count,
    ...(hit.sex && { sex: hit.sex }),
    absent: DECEASED.has(text) || AWAY.has(text),
    away: !DECEASED.has(text) && AWAY.has(text),
    owner: OWNER_USER.test(before) || STARTS_WITH_USER.test(hit.word) ? "user" : OWNER_THIRD.test(before) ? "third" : "plain",
  };
}

/**
 * Clauses: split at punctuation; at spaces only next to Chinese text ("yes [space] grade 2" in
 * Chinese is two answers, "I'm 68" one); before "I myself" inside a clause ("the old man has a
 * certificate, I myself don't"); and, where people type without punctuation, before "he/she" and
 * before "I have", "we are" in the middle of a clause (never inside a relation word or an answer phrase).
 */
function pieces(text: string, protect?: { find(text: string): { start: number; end: number }[] }): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const space = /\s/u.test(c);
    if (BREAKS.has(c) || (space && (CJK.test(text[i - 1] ?? "") || CJK.test(text[i + 1] ?? "")))) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += c;
  }
  if (current.trim()) out.push(current.trim());
  return out
    .flatMap((p) => p.split(SELF_SPLIT))
    .flatMap((p) => p.split(PRONOUN_SPLIT))
    .flatMap((p) => splitOutside(p, [THIRD_SPLIT, SELF_CLAUSE_SPLIT], protect))
    .filter((p) => p.trim());
}

/** Cuts a clause where a pattern says, but never inside a relation word ("the kid's dad") or a phrase answering the question. */
function splitOutside(piece: string, patterns: readonly RegExp[], protect?: { find(text: string): { start: number; end: number }[] }): string[] {
  const shielded = [...relationHits(piece), ...(protect?.find(piece) ?? [])];
  const cuts = new Set<number>();
  for (const re of patterns) {
    const every = new RegExp(re.source, "gu");
    for (const m of piece.matchAll(every)) if (!shielded.some((h) => h.start < m.index && m.index < h.end)) cuts.add(m.index);
  }
  const at = [...cuts].filter((i) => i > 0).sort((a, b) => a - b);
  return [0, ...at].map((start, k) => piece.slice(start, at[k] ?? piece.length));
}

/** "di san wei", "person 3": a caseworker's line about the third member. */
const POSITION = new RegExp(
  `^\\s*(?:(?:${alt(words("segments", "positionBefore"))})\\s*([0-9]{1,2}|[${chars(ZH_NUMERALS)}]{1,3})\\s*(?:${alt(words("segments", "positionAfter"))})|(?:${alt(words("segments", "positionEn"))})\\s*([0-9]{1,2})(?![0-9]))`,
  "u",
);

function positionSubject(text: string): { subject: Subject; length: number } | undefined {
  const m = POSITION.exec(text);
  const n = m ? parseNumber(m[1] ?? m[2]!) : undefined;
  if (!m || n === undefined || !Number.isInteger(n) || n < 1 || n > 30) return undefined;
  return { subject: { kind: "member", index: n - 1 }, length: m[0].length };
}

/** "I ..." is about the person chatting, "we/at home ..." about the household, "he/she ..." about the person asked about. */
function pronounSubject(text: string): Subject | undefined {
  const position = positionSubject(text);
  if (position) return position.subject;
  const trimmed = text.trimStart();
  if (COUPLE.find(trimmed).some((h) => h.start <= 1)) return { kind: "couple" };
  if (HOUSEHOLD_WORDS.find(trimmed).some((h) => h.start <= 1)) return { kind: "household" };
  if (SELF.find(trimmed).some((h) => h.start === 0)) return { kind: "self" };
  if (THIRD.find(trimmed).some((h) => h.start === 0)) return { kind: "third" };
  return undefined;
}

/**
 * Blanks the pronoun that opens the segment, and nothing else ("one's own house" keeps its "own").
 * English pronouns stay: "i'm 68" is read by the age reader as it is.
 */
function blankLeading(text: string): string {
  const position = positionSubject(text);
  if (position) return blank(text, 0, position.length);
  const offset = text.length - text.trimStart().length;
  for (const finder of [COUPLE, HOUSEHOLD_WORDS, SELF, THIRD]) {
    const hit = finder.find(text.trimStart()).find((h) => h.start <= 1);
    if (hit && /^[a-z]/.test(hit.word)) return text;
    if (hit) return blank(text, offset + hit.start, offset + hit.end);
  }
  return text;
}
