// The status-only evaluator (compile-status.ts) gives the same status as the full fast path for
// every rule, on thousands of random households with unknown facts and on every rule fixture.
import { describe, expect, it } from "vitest";
import { ruleset } from "../../src/engine/mod.js";
import { factsFor, type Profile } from "../../src/profile/mod.js";
import { ruleFixtures } from "../helpers/fixtures.js";
import { profileGenerator } from "../helpers/random-profile.js";

const rules = ruleset();

describe("status-only evaluation", () => {
  it("agrees with the full evaluation on 3,000 random households", () => {
    const next = profileGenerator(rules, 11);
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      const profile = next();
      profile.members.forEach((_, m) => {
        const facts = factsFor(profile, m);
        for (const rule of rules.rules) {
          expect(rule.status(facts), rule.id).toBe(rule.evaluate(facts).status);
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(300_000);
  });

  it("agrees on every rule fixture, and statusWith restores the facts it changes", () => {
    for (const fixture of ruleFixtures()) {
      const rule = rules.byId.get(fixture.rule)!;
      for (const c of fixture.cases) {
        const facts = factsFor(c.profile as Profile, c.member ?? 0);
        const before = { ...facts };
        expect(rule.status(facts), `${fixture.rule}: ${c.name}`).toBe(rule.evaluate(facts).status);
        for (const fact of rule.facts) rules.statusWith(rule, facts, fact, undefined);
        expect(facts).toEqual(before);
      }
    }
  });
});
