// What one question is worth for a household: for each service it could decide, the service's
// weight (money and care first), times how often an answer decides it, averaged over the possible
// answers; a decision that opens a service counts more than one that closes it.
import { catalogue } from "../catalogue/mod.js";
import { CITIES, currentValues, factDefinition, factsFor, type FactMap, type Profile } from "../profile/mod.js";
import type { CompiledRule, Outcome, Ruleset } from "../engine/mod.js";
import { ASSISTANCE_FACTS, factKey, parseKey } from "./keys.js";
import { isAskable, togetherMembers } from "./questions.js";
import { serviceWeight } from "./value.js";

export type People = readonly { readonly facts: FactMap; readonly outcomes: readonly Outcome[] }[];

export function peopleOf(profile: Profile, rules: Ruleset): People {
  return profile.members.map((_, i) => {
    const facts = factsFor(profile, i);
    return { facts, outcomes: rules.evaluateAll(facts) };
  });
}

const OPENS = 1;
const CLOSES = 0.4;

export function questionValue(rules: Ruleset, people: People, profile: Profile, key: string): number {
  if (key === "assist") return ASSISTANCE_FACTS.reduce((sum, f) => sum + questionValue(rules, people, profile, factKey(null, f)), 0);
  const q = parseKey(key);
  if (q?.kind === "who") return togetherMembers(profile, q.fact).reduce((sum, i) => sum + questionValue(rules, people, profile, factKey(i, q.fact)), 0);
  if (q?.kind !== "fact") return 0;
  if (q.fact === "city") return cityValue(rules, people);
  if (q.member !== null) return factValue(rules, people, q.member, q.fact, answersFor(rules, q.fact));
  // A household fact: person services once per member, household services once.
  return people.reduce((sum, _, i) => sum + factValue(rules, people, i, q.fact, answersFor(rules, q.fact), i > 0), 0);
}

function factValue(rules: Ruleset, people: People, member: number, fact: string, answers: readonly unknown[], personOnly = false): number {
  const p = people[member];
  if (!p || answers.length === 0) return 0;
  const { byId } = catalogue();
  let value = 0;
  for (const rule of rules.readers.get(fact) ?? []) {
    const outcome = p.outcomes[rule.index];
    if (outcome?.status !== "unknown") continue;
    if (personOnly && byId.get(rule.service)?.scope === "household") continue;
    const weight = serviceWeight(rule.service);
    const now = decided(rules, rule, p.facts, fact, answers);
    value += weight * (now > 0 ? now : progress(outcome, fact));
  }
  return value;
}

/**
 * Credit for a fact a rule needs together with others (sex and pregnancy; work and insurance):
 * no single answer decides it, but without this one it can never be decided. A greedy choice
 * that counted only decisions would never ask either.
 */
const PROGRESS = 0.5;

function progress(outcome: Outcome, fact: string): number {
  const open = outcome.missing.filter((f) => isAskable(f) || factDefinition(f)?.derived);
  return open.includes(fact) ? PROGRESS / open.length : 0;
}

/** A yes to a rare fact (facts.json) counts this much of the answers; a no the rest. */
const RARE_YES = 0.2;

/** How much the possible answers decide one rule, on average. */
function decided(rules: Ruleset, rule: CompiledRule, facts: FactMap, fact: string, answers: readonly unknown[]): number {
  const def = factDefinition(fact);
  const rare = def?.rare === true && def.type === "boolean";
  let sum = 0;
  for (const answer of answers) {
    const status = rules.statusWith(rule, withImplied(facts, fact, answer), fact, answer);
    const share = rare ? (answer === true ? RARE_YES : 1 - RARE_YES) : 1 / answers.length;
    sum += share * (status === "eligible" ? OPENS : status === "ineligible" ? CLOSES : 0);
  }
  return sum;
}

/** The facts as they would be after this answer, with what it implies ("pregnant" says "a woman"). */
function withImplied(facts: FactMap, fact: string, answer: unknown): FactMap {
  const implied = factDefinition(fact)?.implies?.[String(answer)];
  if (!implied) return facts;
  const unknown = Object.entries(implied).filter(([f]) => facts[f] === undefined || facts[f] === null);
  return unknown.length === 0 ? facts : { ...facts, ...Object.fromEntries(unknown) };
}

/**
 * The city decides a household's dibao floor, and which figures every service shows: the value of
 * the floor's rules, plus half a point for each open or found service whose amounts differ by city.
 */
function cityValue(rules: Ruleset, people: People): number {
  const floors = [0, ...currentValues("dibao-line-floor")];
  const lines = people.reduce((sum, _, i) => sum + factValue(rules, people, i, "dibaoLineFloor", floors, i > 0), 0);
  const { byId } = catalogue();
  const cityFigures = rules.rules.filter((r) => {
    const item = byId.get(r.service);
    return item?.benefits.some((b) => b.amount?.scope.startsWith("city:")) && people.some((p) => p.outcomes[r.index]?.status !== "ineligible");
  }).length;
  return lines + 0.5 * cityFigures;
}

const answersCache = new WeakMap<Ruleset, Map<string, readonly unknown[]>>();

/** One answer from each region the rules distinguish: each value, or each side of each threshold. */
export function answersFor(rules: Ruleset, fact: string): readonly unknown[] {
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
      return fact === "city" ? [...CITIES] : [...(def.values ?? [])];
    case "enum-list":
      return [[], ...(def.values ?? []).map((v) => [v])];
    case "number": {
      const thresholds = rules.valuesTestedFor(fact).filter((v): v is number => typeof v === "number");
      if (thresholds.length === 0) return [];
      return [Math.max(def.min ?? 0, thresholds[0]! - 1), ...thresholds];
    }
  }
}
