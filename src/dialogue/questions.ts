// How each fact is asked (the kind of answer it takes) and whether asking it makes sense for a
// person. When a question makes sense is data (data/facts.json askWhen, askAfter, volunteered);
// whether it is worth asking is the rules' business (selection.ts measures it on them).
import { FACTS, factDefinition, type FactDefinition, type Member, type Profile } from "../profile/mod.js";
import { getFact, isKnown } from "./keys.js";

export type AnswerKind = "yesno" | "choice" | "number" | "multi";

/** Facts the conversation can ask at all: not computed, not an office check, not left to the user to volunteer. */
const ASKABLE: readonly FactDefinition[] = FACTS.filter((f) => !f.derived && !f.decidedBy && !f.volunteered);

export function memberQuestionFacts(): readonly string[] {
  return ASKABLE.filter((f) => f.scope === "member").map((f) => f.name);
}

export function householdQuestionFacts(): readonly string[] {
  return ASKABLE.filter((f) => f.scope !== "member").map((f) => f.name);
}

/** Whether the fact can ever be asked (office checks, computed and volunteered facts cannot). */
export function isAskable(fact: string): boolean {
  const def = factDefinition(fact);
  return def !== undefined && !def.derived && !def.decidedBy && !def.volunteered;
}

/**
 * Whether asking `fact` of `member` (null: the household) makes sense now: inside its askWhen
 * window (an unknown age or sex keeps it open), and for a follow-up, after the fact it follows.
 */
export function makesSenseToAsk(profile: Profile, member: number | null, fact: string): boolean {
  const def = factDefinition(fact);
  if (!def || !isAskable(fact)) return false;
  const m = member === null ? undefined : profile.members[member];
  if (member !== null && !m) return false;
  return inWindow(def, m) && followsUp(def, profile, member);
}

function inWindow(def: FactDefinition, m: Member | undefined): boolean {
  const when = def.askWhen;
  if (!when || !m) return true;
  if (when.age && isKnown(m.age) && (m.age! < when.age[0] || m.age! > when.age[1])) return false;
  if (when.sex && isKnown(m.sex) && m.sex !== when.sex) return false;
  if (when.notRelation && m.relation && when.notRelation.includes(m.relation)) return false;
  return true;
}

function followsUp(def: FactDefinition, profile: Profile, member: number | null): boolean {
  const after = def.askAfter;
  if (!after) return true;
  const scope = factDefinition(after.fact)?.scope;
  const value = getFact(profile, scope === "member" ? member : null, after.fact);
  return isKnown(value) && after.values.includes(value);
}

/** A follow-up not open yet for this member, which an answer still to be asked may open (a child's school, before "boards?"). */
export function mayOpenLater(profile: Profile, member: number, fact: string): boolean {
  const def = factDefinition(fact);
  const trigger = def?.askAfter?.fact;
  if (!def || !trigger || factDefinition(trigger)?.scope !== "member" || !isAskable(fact)) return false;
  return !isKnown(getFact(profile, member, trigger)) && makesSenseToAsk(profile, member, trigger) && inWindow(def, profile.members[member]);
}

/** A follow-up whose question has just opened (the grade after "yes, I have a certificate"): asked at once. */
export function isFollowUp(fact: string): boolean {
  return factDefinition(fact)?.askAfter !== undefined;
}

/**
 * Whether the conversation could ever ask about `fact` for this member: member facts through
 * their own question, household facts for the household. A service whose missing facts cannot be
 * asked is still listed, as one the office decides or one for the user to raise.
 */
export function canAsk(profile: Profile, member: number, fact: string): boolean {
  const scope = factDefinition(fact)?.scope;
  return makesSenseToAsk(profile, scope === "member" ? member : null, fact);
}

export function answerKind(fact: string): AnswerKind {
  const def = factDefinition(fact);
  if (!def) return "choice";
  if (def.type === "boolean") return "yesno";
  if (def.type === "number") return "number";
  if (def.type === "enum-list") return "multi";
  return "choice";
}

/** Income ranges offered as options (yuan per person per month); typed amounts are always welcome. */
export const INCOME_RANGES: readonly (readonly [number, number | null])[] = [
  [0, 1000], [1000, 2000], [2000, 3000], [3000, 5000], [5000, null],
];

/** Yes/no facts asked once for the whole household (askTogether in facts.json). */
export const TOGETHER_FACTS: readonly string[] = ASKABLE.filter((f) => f.askTogether && f.type === "boolean" && f.scope === "member").map((f) => f.name);

/** The members a household question about `fact` covers: those it makes sense to ask and not yet known. */
export function togetherMembers(profile: Profile, fact: string): number[] {
  return profile.members.flatMap((m, i) => (makesSenseToAsk(profile, i, fact) && !isKnown((m as Record<string, unknown>)[fact]) ? [i] : []));
}
