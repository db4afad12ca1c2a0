// Which question comes next. First the few things every screening needs (age, residence,
// disability, assistance and income, household); then, greedily, the question whose answer
// settles the most services still undecided, measured with the engine's fast path.
import { catalogue } from "../catalogue/mod.js";
import { factDefinition } from "../profile/facts.js";
import { factsFor, type FactMap, type Profile } from "../profile/profile.js";
import type { CompiledRule, Outcome, Ruleset } from "../engine/mod.js";
import { ASSISTANCE_FACTS, RESIDENCE_FACTS, factKey, getFact, isKnown, parseKey } from "./keys.js";
import { canAsk, householdQuestionFacts, makesSenseToAsk, memberQuestionFacts } from "./questions.js";
import type { DialogueState } from "./state.js";

/**
 * How many questions before results are shown unasked: 8 for one person (about what short
 * screeners ask), more for a household, never more than 15. The user can always "continue".
 */
export function questionBudget(profile: Profile): number {
  const size = profile.members.length;
  return size === 1 ? 8 : Math.min(15, 9 + 2 * size);
}

/** The opening questions, in order, for what is known so far. */
export function corePath(profile: Profile): string[] {
  const self = profile.members[0] ?? {};
  const path = ["m0.age", "m0.hukou"];
  if (self.hukou === "shandong" || self.hukou === "other-province") path.push("m0.monthsResident", "m0.residencePermit");
  path.push("m0.disabled");
  if (self.disabled === true) path.push("m0.disabilityGrade");
  path.push("assist", "h.incomePerPersonMonthly", "members");
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
  if (q.kind === "othersDisabled") return profile.members.every((m, i) => i === 0 || m.disabled != null);
  if (q.kind === "sameResidence") {
    return profile.members.every((m, i) => i === 0 || RESIDENCE_FACTS.every((f) => (m as Record<string, unknown>)[f] != null || (profile.members[0] as Record<string, unknown>)[f] == null));
  }
  return false;
}

export function nextQuestion(state: DialogueState, rules: Ruleset): string | null {
  const closed = new Set([...state.asked, ...state.skipped]);
  for (const key of corePath(state.profile)) {
    if (!closed.has(key) && !isAnswered(state.profile, key)) return key;
  }
  if (state.phase === "asking" && state.asked.length >= questionBudget(state.profile)) return null;
  return mostUsefulQuestion(state.profile, closed, rules)?.key ?? null;
}

export interface Candidate {
  readonly key: string;
  /** Undecided services the answer settles, averaged over the possible answers. */
  readonly settles: number;
}

export function mostUsefulQuestion(profile: Profile, closed: ReadonlySet<string>, rules: Ruleset): Candidate | undefined {
  const people = profile.members.map((_, i) => {
    const facts = factsFor(profile, i);
    return { facts, outcomes: rules.evaluateAll(facts) };
  });
  let best: Candidate | undefined;
  const consider = (member: number | null, fact: string) => {
    const key = factKey(member, fact);
    if (closed.has(key) || isKnown(getFact(profile, member, fact)) || !makesSenseToAsk(profile, member, fact)) return;
    const who = member === null ? people.map((p, i) => ({ ...p, i })) : [{ ...people[member]!, i: member }];
    // A household service is settled once for the household, not once per member.
    const settles = who.reduce((sum, p) => sum + settledBy(rules, fact, p.facts, p.outcomes, relevantTo(profile, p.i, member === null && p.i > 0)), 0);
    if (settles > 0 && (!best || settles > best.settles)) best = { key, settles };
  };
  profile.members.forEach((_, i) => memberQuestionFacts().forEach((f) => consider(i, f)));
  householdQuestionFacts().forEach((f) => consider(null, f));
  for (const candidate of householdWideQuestions(profile, closed, rules, people)) {
    if (candidate.settles > 0 && (!best || candidate.settles > best.settles)) best = candidate;
  }
  return best;
}

/**
 * The two questions about everyone else at once: "same hukou and permit as you?" (scored as if
 * yes, the usual answer) and "who else holds a disability certificate?" (scored per member).
 */
function householdWideQuestions(profile: Profile, closed: ReadonlySet<string>, rules: Ruleset, people: { facts: FactMap; outcomes: Outcome[] }[]): Candidate[] {
  const others = people.slice(1);
  if (others.length === 0) return [];
  const candidates: Candidate[] = [];
  const self = people[0]!.facts;
  if (!closed.has("sameResidence") && isKnown(self.hukou) && !isAnswered(profile, "sameResidence")) {
    const settles = others.reduce((sum, p, i) => {
      const copied: FactMap = { ...p.facts };
      for (const f of RESIDENCE_FACTS) if (!isKnown(copied[f]) && isKnown(self[f])) copied[f] = self[f];
      const relevant = relevantTo(profile, i + 1, true);
      return sum + rules.rules.filter((r) => p.outcomes[r.index]?.status === "unknown" && relevant(r, p.outcomes[r.index]!) && r.evaluate(copied).status !== "unknown").length;
    }, 0);
    candidates.push({ key: "sameResidence", settles });
  }
  if (!closed.has("othersDisabled") && !isAnswered(profile, "othersDisabled")) {
    const settles = others.reduce((sum, p, i) => sum + settledBy(rules, "disabled", p.facts, p.outcomes, relevantTo(profile, i + 1, true)), 0);
    candidates.push({ key: "othersDisabled", settles });
  }
  return candidates;
}

/** Which undecided rules count for member `i`: those it could still be asked about (and each household rule once). */
function relevantTo(profile: Profile, i: number, personScopeOnly: boolean): (rule: CompiledRule, outcome: Outcome) => boolean {
  const { byId } = catalogue();
  return (rule, outcome) => !(personScopeOnly && byId.get(rule.service)?.scope === "household") && outcome.missing.every((f) => canAsk(profile, i, f));
}

function settledBy(rules: Ruleset, fact: string, facts: FactMap, outcomes: readonly Outcome[], relevant: (rule: CompiledRule, outcome: Outcome) => boolean): number {
  const open = (rules.readers.get(fact) ?? []).filter((r) => outcomes[r.index]?.status === "unknown" && relevant(r, outcomes[r.index]!));
  if (open.length === 0) return 0;
  const answers = possibleAnswers(rules, fact);
  if (answers.length === 0) return 0;
  let settled = 0;
  for (const value of answers) {
    for (const rule of open) if (rules.evaluateWith(rule, facts, fact, value).status !== "unknown") settled++;
  }
  return settled / answers.length;
}

const answersCache = new WeakMap<Ruleset, Map<string, readonly unknown[]>>();

/** One answer from each region the rules distinguish: each value, or each side of each threshold. */
export function possibleAnswers(rules: Ruleset, fact: string): readonly unknown[] {
  let cache = answersCache.get(rules);
  if (!cache) answersCache.set(rules, (cache = new Map()));
  let answers = cache.get(fact);
  if (!answers) cache.set(fact, (answers = computeAnswers(rules, fact)));
  return answers;
}

function computeAnswers(rules: Ruleset, fact: string): unknown[] {
  const def = factDefinition(fact);
  if (!def) return [];
  switch (def.type) {
    case "boolean":
      return [true, false];
    case "enum":
      return [...(def.values ?? [])];
    case "enum-list":
      return [[], ...(def.values ?? []).map((v) => [v])];
    case "number": {
      const thresholds = rules.valuesTestedFor(fact).filter((v): v is number => typeof v === "number");
      if (thresholds.length === 0) return [];
      return [Math.max(def.min ?? 0, thresholds[0]! - 1), ...thresholds];
    }
  }
}
