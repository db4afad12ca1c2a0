/**
 * Cuts a message into segments, each about one subject: "I'm 68, rural hukou, my wife has a grade-2
 * certificate, we get dibao" gives [I'm 68 | rural hukou] about the person chatting, [has a grade-2
 * certificate] about the spouse and [get dibao] about the household. A segment without a subject
 * word keeps the subject of the one before.
 */
import { LEX, alt, words } from "./lexicon.js";
import type { Subject } from "./mentions.js";
import { DECEASED, HOUSEHOLD_WORDS, SELF, THIRD, relationHits, type RelationHit } from "./people.js";
import { blank, wordSet } from "./words.js";

export interface Segment {
  /** The segment's text with the subject words blanked out. */
  readonly text: string;
  readonly subject: Subject;
  /** Whether the subject was named in this segment (not carried over). */
  readonly named: boolean;
}

const R = LEX.reading;
const BREAKS = new Set([...R.clauseBreakChars]);
const CJK = /[\p{Script=Han}]/u;
const AWAY = wordSet(R.away);
const COUPLE = wordSet(R.couple);
const SELF_SPLIT = new RegExp(`(?=${R.selfSplit.join("|")})`, "u");
const USER = alt(words("segments", "ownersUser"));
const THIRD_OWNER = alt(words("segments", "ownersThird"));
const OWNER_USER = new RegExp(`(?:${USER})$`, "u");
const OWNER_THIRD = new RegExp(`(?:${THIRD_OWNER})$`, "u");
const STARTS_WITH_USER = new RegExp(`^(?:${USER})`, "u");
/** A clause head that is only a possessive ("my" before "old partner"): no segment of its own. */
const POSSESSIVE_ONLY = new RegExp(`^\\s*(?:${USER}|${THIRD_OWNER})\\s*$`, "u");

/** `protect` finds phrases that answer the question asked ("two daughters" to the family-planning question): no relation words there. */
export function segments(normalized: string, protect?: { find(text: string): { start: number; end: number }[] }): Segment[] {
  const out: Segment[] = [];
  let subject: Subject = { kind: "asked" };
  let ids = 0;
  for (const piece of pieces(normalized)) {
    const hits = relationHits(piece, [...(protect?.find(piece) ?? []), ...COUPLE.find(piece)]);
    const head = hits.length > 0 ? piece.slice(0, hits[0]!.start) : piece;
    if (head.trim() && !(hits.length > 0 && POSSESSIVE_ONLY.test(head))) {
      const own = pronounSubject(head);
      if (own) subject = own;
      out.push({ text: own ? blankLeading(head) : head, subject, named: own !== undefined });
    }
    hits.forEach((hit, i) => {
      const end = i + 1 < hits.length ? hits[i + 1]!.start : piece.length;
      const text = piece.slice(hit.end, end);
      subject = relationSubject(hit, piece, text, ids++);
      out.push({ text, subject, named: true });
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
    owner: OWNER_USER.test(before) || STARTS_WITH_USER.test(hit.word) ? "user" : OWNER_THIRD.test(before) ? "third" : "plain",
  };
}

/**
 * Clauses: split at punctuation; at spaces only next to Chinese text ("yes [space] grade 2" in
 * Chinese is two answers, "I'm 68" one); and before "I myself" inside a clause ("the old man has a
 * certificate, I myself don't").
 */
function pieces(text: string): string[] {
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
  return out.flatMap((p) => p.split(SELF_SPLIT)).filter((p) => p.trim());
}

/** "I ..." is about the person chatting, "we/at home ..." about the household, "he/she ..." about the person asked about. */
function pronounSubject(text: string): Subject | undefined {
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
  const offset = text.length - text.trimStart().length;
  for (const finder of [COUPLE, HOUSEHOLD_WORDS, SELF, THIRD]) {
    const hit = finder.find(text.trimStart()).find((h) => h.start <= 1);
    if (hit && /^[a-z]/.test(hit.word)) return text;
    if (hit) return blank(text, offset + hit.start, offset + hit.end);
  }
  return text;
}
