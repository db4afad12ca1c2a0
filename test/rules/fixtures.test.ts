// Rules tested as data: each case in test/fixtures/rules/<service>.json is a profile and the
// result the rule must give, checked on both the fast path and json-rules-engine.
import { describe, expect, it } from "vitest";
import { catalogue } from "../../src/catalogue/mod.js";
import { ruleset, ReferenceEvaluator } from "../../src/engine/mod.js";
import { currentValues, factDefinition, factsFor, validateProfile, type Profile } from "../../src/profile/mod.js";
import { isFactRef } from "../../src/engine/rule.js";
import { ruleFixtures } from "../helpers/fixtures.js";

const rules = ruleset();
const reference = new ReferenceEvaluator(rules.rules.map((r) => r.file));
const fixtures = ruleFixtures();

describe.each(fixtures.map((f) => [f.rule, f] as const))("%s", (id, fixture) => {
  const rule = rules.byId.get(id);

  it("belongs to a rule", () => expect(rule, `no rule for fixture ${id}`).toBeDefined());

  it.each(fixture.cases.map((c) => [c.name, c] as const))("%s", async (_, testCase) => {
    const checked = validateProfile(testCase.profile);
    expect(checked.ok ? "" : checked.error).toBe("");
    const profile = (checked as { profile: Profile }).profile;
    const facts = factsFor(profile, testCase.member ?? 0);
    const fast = rule!.evaluate(facts);
    const slow = (await reference.evaluate(facts)).get(id)!;
    expect(fast.status).toBe(testCase.status);
    expect(slow.status).toBe(testCase.status);
    if (testCase.missing) {
      expect([...fast.missing].sort()).toEqual([...testCase.missing].sort());
      expect([...slow.missing].sort()).toEqual([...testCase.missing].sort());
    }
    if (testCase.status !== "unknown") expect(fast.missing).toEqual([]);
  });
});

describe("fixture coverage", () => {
  const byRule = new Map(fixtures.map((f) => [f.rule, f]));
  const { byId: items } = catalogue();

  it.each(rules.rules.map((r) => [r.id, r] as const))("%s has the cases it needs", (id, rule) => {
    const item = items.get(rule.service)!;
    const fixture = byRule.get(id);
    expect(fixture, `test/fixtures/rules/${id}.json is missing`).toBeDefined();
    const statuses = new Set(fixture!.cases.map((c) => c.status));
    if (item.universal) {
      expect(statuses.has("eligible")).toBe(true);
      return;
    }
    expect([...statuses].sort()).toEqual(["eligible", "ineligible", "unknown"]);
  });

  it.each(rules.rules.map((r) => [r.id, r] as const))("%s has cases on both sides of each numeric threshold", (id, rule) => {
    const fixture = byRule.get(id);
    const tested = new Map<string, Set<number>>();
    for (const c of fixture?.cases ?? []) {
      const checked = validateProfile(c.profile);
      if (!checked.ok) continue;
      const facts = factsFor(checked.profile, c.member ?? 0);
      for (const [fact, value] of Object.entries(facts)) {
        if (typeof value !== "number") continue;
        const set = tested.get(fact) ?? new Set<number>();
        set.add(value);
        tested.set(fact, set);
      }
    }
    for (const leaf of boundaryLeaves(rule.file.conditions)) {
      const [below, at] = leaf.pair;
      const seen = tested.get(leaf.fact) ?? new Set();
      expect(seen.has(below) && seen.has(at), `${leaf.fact}: cases at ${below} and ${at}`).toBe(true);
    }
  });
});

function boundaryLeaves(c: unknown): { fact: string; pair: [number, number] }[] {
  const node = c as Record<string, unknown>;
  if (Array.isArray(node.all)) return node.all.flatMap(boundaryLeaves);
  if (Array.isArray(node.any)) return node.any.flatMap(boundaryLeaves);
  if (node.not) return boundaryLeaves(node.not);
  // A comparison with a parameter-backed fact (a city's dibao floor) is a threshold at each of its values.
  if (isFactRef(node.value)) {
    const parameter = factDefinition(node.value.fact)?.derived?.parameter;
    return (parameter ? currentValues(parameter) : []).flatMap((value) => boundaryLeaves({ ...node, value }));
  }
  const value = node.value;
  if (typeof value !== "number" || typeof node.fact !== "string") return [];
  switch (node.operator) {
    case "greaterThanInclusive":
    case "lessThan":
      return [{ fact: node.fact, pair: [value - 1, value] }];
    case "greaterThan":
    case "lessThanInclusive":
      return [{ fact: node.fact, pair: [value, value + 1] }];
    default:
      return [];
  }
}
