// Which question comes next. First the few things every screening needs (age, hukou, who else
// lives in the household); then a follow-up the user's last answer opened (the grade after "yes,
// a certificate"); then, greedily, the question whose answer is worth most for this household:
// services it could decide, money and care counted first, measured on the rules' fast path.
import type { Profile } from "../profile/mod.js";
import { catalogue } from "../catalogue/mod.js";
import type { Ruleset } from "../engine/mod.js";
import { ASSISTANCE_FACTS, RESIDENCE_FACTS, factKey, getFact, isKnown, parseKey } from "./keys.js";
import { householdQuestionFacts, isFollowUp, makesSenseToAsk, mayOpenLater, memberQuestionFacts, TOGETHER_FACTS, togetherMembers } from "./questions.js";
import { questionValue, type People, peopleOf } from "./question-value.js";
import type { DialogueState } from "./state.js";

/**
 * How many questions before results are shown unasked: 10 for one person, 16 for a household of
 * four, never more than 20. The user can always "continue".
 */
export function questionBudget(profile: Profile): number {
  return Math.min(20, 8 + 2 * profile.members.length);
}

/** Below this a question is not worth the user's time (a fraction of one minor service). */
const WORTH_ASKING = 0.35;

/** The opening questions, in order, for what is known so far. */
export function corePath(profile: Profile): string[] {
  const self = profile.members[0] ?? {};
  const path = ["m0.age", "m0.hukou"];
  if (self.hukou === "shandong" || self.hukou === "other-province") path.push("m0.monthsResident", "m0.residencePermit");
  path.push("members");
  const waiting = new Set(profile.members.filter((m, i) => i > 0 && m.age == null).map((m) => m.relation ?? "other"));
  for (const relation of waiting) path.push(`ages.${relation}`);
  // Whether the family shares the user's hukou and permit decides the children's schooling and
  // most residence-based services; one question settles it for everyone.
  if (profile.members.length > 1 && self.hukou != null) path.push("sameResidence");
  return path;
}

/** True when the profile already holds what the key asks (for instance after a correction). */
export function isAnswered(profile: Profile, key: string): boolean {
  const q = parseKey(key);
  if (!q) return true;
  if (q.kind === "fact") return isKnown(getFact(profile, q.member, q.fact));
  if (q.kind === "assist") return ASSISTANCE_FACTS.every((f) => isKnown(getFact(profile, null, f)));
  if (q.kind === "ages") return !profile.members.some((m, i) => i > 0 && m.relation === q.relation && m.age == null);
  if (q.kind === "who") return togetherMembers(profile, q.fact).length === 0;
  if (q.kind === "sameResidence") {
    return profile.members.every((m, i) => i === 0 || RESIDENCE_FACTS.every((f) => (m as Record<string, unknown>)[f] != null || (profile.members[0] as Record<string, unknown>)[f] == null));
  }
  return false;
}

export function nextQuestion(state: DialogueState, rules: Ruleset): string | null {
  const closed = new Set([...state.asked, ...state.skipped]);
  const open = (key: string) => !closed.has(key) && !isAnswered(state.profile, key);
  for (const key of corePath(state.profile)) if (open(key)) return key;
  if (state.phase === "asking" && state.asked.length >= questionBudget(state.profile)) return null;
  const people = peopleOf(state.profile, rules);
  if (open("h.city") && showsCityFigures(rules, people)) return "h.city";
  const followUp = followUpQuestion(state.profile, people, rules, open);
  if (followUp) return followUp;
  const best = mostUsefulQuestion(state.profile, people, rules, open);
  return best && best.value >= WORTH_ASKING ? best.key : null;
}

export interface Candidate {
  readonly key: string;
  /** Weighted services the answer decides, averaged over the possible answers. */
  readonly value: number;
}

/**
 * Once a service found has its figures set city by city (several cities publish their own), the
 * city is asked at once, so every amount shown is that city's.
 */
function showsCityFigures(rules: Ruleset, people: People): boolean {
  const { byId } = catalogue();
  return rules.rules.some((r) => cityFigures(byId.get(r.service)?.benefits ?? []) >= CITY_FIGURES && people.some((p) => p.outcomes[r.index]?.status === "eligible"));
}

/** An item with figures from this many cities differs by city in practice; one city's figure is an example. */
const CITY_FIGURES = 3;

function cityFigures(benefits: readonly { readonly amount?: { readonly scope: string } }[]): number {
  return new Set(benefits.flatMap((b) => (b.amount?.scope.startsWith("city:") ? [b.amount.scope] : []))).size;
}

/** A follow-up opened by an answer (askAfter in facts.json), if it can still decide something. */
function followUpQuestion(profile: Profile, people: People, rules: Ruleset, open: (key: string) => boolean): string | undefined {
  for (let i = 0; i < profile.members.length; i++) {
    for (const fact of memberQuestionFacts()) {
      if (!isFollowUp(fact) || !makesSenseToAsk(profile, i, fact)) continue;
      // A follow-up several members now need ("diagnosed?" after "no certificate" for all the children) is asked once;
      // one that another member's next answer may also open ("boards?" while a second child's school is not yet known) waits.
      const togetherFact = TOGETHER_FACTS.includes(fact);
      if (togetherFact && othersMayOpen(profile, i, fact)) continue;
      const together = togetherFact && togetherMembers(profile, fact).length > 1;
      const key = together ? `who.${fact}` : factKey(i, fact);
      if (open(key) && questionValue(rules, people, profile, key) > 0) return key;
    }
  }
  return undefined;
}

/** Whether a member other than `member` may still open the follow-up `fact` with an answer not yet given. */
function othersMayOpen(profile: Profile, member: number, fact: string): boolean {
  return profile.members.some((_, j) => j !== member && mayOpenLater(profile, j, fact));
}

export function mostUsefulQuestion(profile: Profile, people: People, rules: Ruleset, open: (key: string) => boolean): Candidate | undefined {
  let best: Candidate | undefined;
  const consider = (key: string) => {
    if (!open(key)) return;
    const value = questionValue(rules, people, profile, key);
    if (value > 0 && (!best || value > best.value)) best = { key, value };
  };
  // A yes/no fact several members may have is asked once for all of them ("who in the family ...").
  const together = new Set(TOGETHER_FACTS.filter((fact) => togetherMembers(profile, fact).length > 1 || !open(`who.${fact}`)));
  for (const fact of together) consider(`who.${fact}`);
  profile.members.forEach((_, i) => {
    for (const fact of memberQuestionFacts()) if (!together.has(fact) && makesSenseToAsk(profile, i, fact) && fact !== "relation") consider(factKey(i, fact));
  });
  for (const fact of householdQuestionFacts()) {
    if ((ASSISTANCE_FACTS as readonly string[]).includes(fact)) continue; // asked together, as "assist"
    if (makesSenseToAsk(profile, null, fact)) consider(factKey(null, fact));
  }
  consider("assist");
  return best;
}
