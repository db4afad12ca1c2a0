// The fast path must agree with json-rules-engine (the reference) on every result: status, missing facts
// and reasons. A rule's outcome depends only on the facts it reads, and each of those only matters up to
// the values the rules compare it with. So every rule is checked on every combination of: each threshold it
// tests and its neighbours (t-1, t, t+1), every enum value, true/false, a list with each value alone or
// none, and unknown. That is each distinct rule-and-fact case once, instead of a random sample of
// households that mostly repeats the same cases. Unknown is written as absent for a rule's first, third…
// fact and as null for the others, so both spellings of unknown meet every rule.
// A rule with more than CASES_PER_RULE combinations (a few read eight or more facts: millions) is checked on
// every value of each fact with the others at every value of one other fact in turn (all pairs of two facts'
// values, the others fixed), plus a seeded random sample of the rest, up to CASES_PER_RULE.
import { describe, expect, it } from "vitest";
import { ReferenceEvaluator, ruleset, type CompiledRule } from "../../src/engine/mod.js";
import { factDefinition, type FactMap } from "../../src/profile/mod.js";
import { seededRandom } from "../helpers/random-profile.js";

const rules = ruleset();
const CASES_PER_RULE = 1500;

/** The values worth trying for one fact: one per class of behaviour the rules can tell apart. */
function candidates(fact: string, position: number): unknown[] {
  const def = factDefinition(fact)!;
  const unknown = [position % 2 === 0 ? undefined : null];
  switch (def.type) {
    case "boolean":
      return [true, false, ...unknown];
    case "enum":
      return [...(def.values ?? []), ...unknown];
    case "enum-list":
      return [[], ...(def.values ?? []).map((v) => [v]), ...unknown];
    case "number": {
      const tested = rules.valuesTestedFor(fact) as number[];
      const around = tested.flatMap((t) => [t - 1, t, t + 1]);
      return [...new Set([def.min ?? 0, ...around])].filter((v) => v >= (def.min ?? 0) && v <= (def.max ?? Infinity)).concat(unknown as never[]);
    }
  }
}

/** The rule's cases: every combination of its facts' candidates, or, for a large rule, the choice above. */
function* combinations(rule: CompiledRule): Generator<FactMap> {
  const lists = rule.facts.map((fact, position) => candidates(fact, position));
  const toFacts = (index: readonly number[]): FactMap => {
    const facts: FactMap = {};
    rule.facts.forEach((fact, i) => {
      const value = lists[i]![index[i]!];
      if (value !== undefined) facts[fact] = value;
    });
    return facts;
  };
  const total = lists.reduce((n, list) => n * list.length, 1);
  if (total <= CASES_PER_RULE) {
    const index = lists.map(() => 0);
    for (;;) {
      yield toFacts(index);
      let i = 0;
      while (i < index.length && ++index[i]! === lists[i]!.length) index[i++] = 0;
      if (i === index.length) return;
    }
  }
  let made = 0;
  for (let a = 0; a < lists.length; a++) {
    for (let b = a + 1; b < lists.length; b++) {
      for (let x = 0; x < lists[a]!.length; x++) {
        for (let y = 0; y < lists[b]!.length; y++) {
          const index = lists.map(() => 0);
          index[a] = x;
          index[b] = y;
          yield toFacts(index);
          made++;
        }
      }
    }
  }
  const random = seededRandom(rule.index + 1);
  for (; made < CASES_PER_RULE; made++) yield toFacts(lists.map((list) => Math.floor(random() * list.length)));
}

describe("fast path vs json-rules-engine", () => {
  it("agrees on every rule for every combination of the values its facts are compared with", async () => {
    const disagreements: string[] = [];
    const seen = { eligible: 0, ineligible: 0, unknown: 0 };
    let compared = 0;
    for (const rule of rules.rules) {
      const reference = new ReferenceEvaluator([rule.file]);
      for (const facts of combinations(rule)) {
        const fast = rule.evaluate(facts);
        const slow = (await reference.evaluate(facts)).get(rule.id);
        compared++;
        seen[fast.status]++;
        const same = JSON.stringify([fast.status, fast.missing, fast.reasons]) === JSON.stringify([slow?.status, slow?.missing, slow?.reasons]);
        if (!same && disagreements.length < 5) disagreements.push(`${rule.id} ${JSON.stringify(facts)}: fast ${JSON.stringify(fast)} reference ${JSON.stringify(slow)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Every rule was tried more than once, and all three outcomes occur, or agreement would prove little.
    expect(compared).toBeGreaterThan(rules.rules.length * 2);
    for (const status of ["eligible", "ineligible", "unknown"] as const) expect(seen[status]).toBeGreaterThan(1000);
    console.log(`differential: ${compared} rule-and-fact cases over ${rules.rules.length} rules`, seen);
  }, 60_000);
});
