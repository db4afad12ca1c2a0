// What a screening found, arranged for the results: per person the services they can apply for
// (money and care first), services the whole household shares once, and what is still open.
import { catalogue, type Item } from "../../catalogue/mod.js";
import { factDefinition, type Profile } from "../../profile/mod.js";
import { screenHousehold, type CompiledRule, type MemberScreening, type Outcome, type Ruleset } from "../../engine/mod.js";
import { givesMoney, serviceWeight } from "../value.js";

export interface Found {
  readonly rule: CompiledRule;
  readonly item: Item;
  readonly outcome: Outcome;
}

export interface PersonFound {
  readonly member: number;
  readonly eligible: readonly Found[];
  readonly open: readonly Found[];
  readonly screening: MemberScreening;
}

export interface Screening {
  readonly people: readonly PersonFound[];
  /** Services every member can apply for together (a household's dibao): listed once. */
  readonly shared: readonly Found[];
  readonly universal: number;
}

/** Facts about where a person is registered: a rule reading only these and household facts is the household's. */
const RESIDENCE: ReadonlySet<string> = new Set(["hukou", "hukouType", "residencePermit", "monthsResident"]);

export function arrange(profile: Profile, rules: Ruleset): Screening {
  const screenings = screenHousehold(rules, profile);
  const { byId } = catalogue();
  const found = (s: MemberScreening, status: Outcome["status"]) =>
    rules.rules
      .map((rule) => ({ rule, item: byId.get(rule.service)!, outcome: s.outcomes[rule.index]! }))
      .filter((f) => !f.item.universal && f.outcome.status === status)
      .sort(byWeight);
  const sharedIds = new Set(rules.rules.filter((r) => isShared(r, byId.get(r.service)!, screenings)).map((r) => r.id));
  const people = screenings.map((s) => ({
    member: s.member,
    eligible: found(s, "eligible").filter((f) => !sharedIds.has(f.rule.id)),
    open: found(s, "unknown").filter((f) => !sharedIds.has(f.rule.id) && (s.member === 0 || f.item.scope !== "household")),
    screening: s,
  }));
  const shared = screenings.length > 0 ? found(screenings[0]!, "eligible").filter((f) => sharedIds.has(f.rule.id)) : [];
  const universal = new Set(rules.rules.filter((r) => byId.get(r.service)?.universal && screenings.some((s) => s.outcomes[r.index]?.status === "eligible")).map((r) => r.service)).size;
  return { people, shared, universal };
}

/** Household services, and services every member gets on household and registration facts alone. */
function isShared(rule: CompiledRule, item: Item, screenings: readonly MemberScreening[]): boolean {
  if (item.scope === "household") return screenings[0]?.outcomes[rule.index]?.status === "eligible";
  if (screenings.length < 2 || !screenings.every((s) => s.outcomes[rule.index]?.status === "eligible")) return false;
  return rule.facts.every((f) => RESIDENCE.has(f) || factDefinition(f)?.scope !== "member");
}

/** Money first, then care, then the rest; within each, by area. */
function byWeight(a: Found, b: Found): number {
  return order(b) - order(a) || a.item.area.localeCompare(b.item.area);
}

function order(f: Found): number {
  return serviceWeight(f.rule.service) + (givesMoney(f.item) ? 0.5 : 0);
}
