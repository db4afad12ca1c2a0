// Screening evaluates the whole ruleset at once (each distinct leaf once, shared by its rules); the
// fixtures and the differential test check rules one at a time. The two ways must agree, outcome
// for outcome, and the status-only path (question choice) must agree with both.
import { describe, expect, it } from "vitest";
import { ruleset } from "../../src/engine/mod.js";
import { factsFor, type Profile } from "../../src/profile/mod.js";
import { ruleFixtures } from "../helpers/fixtures.js";
import { profileGenerator } from "../helpers/random-profile.js";

const rules = ruleset();

describe("the whole ruleset at once and one rule at a time", () => {
  it("give the same outcomes and statuses on 3,000 random households", () => {
    const next = profileGenerator(rules, 11);
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      const profile = next();
      profile.members.forEach((_, m) => {
        const facts = factsFor(profile, m);
        const all = rules.evaluateAll(facts);
        for (const rule of rules.rules) {
          const alone = rule.evaluate(facts);
          if (JSON.stringify(all[rule.index]) !== JSON.stringify(alone)) expect(all[rule.index], rule.id).toEqual(alone);
          expect(rule.status(facts), rule.id).toBe(alone.status);
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(300_000);
  });

  it("agree on every rule fixture, and statusWith restores the facts it changes", () => {
    for (const fixture of ruleFixtures()) {
      const rule = rules.byId.get(fixture.rule)!;
      for (const c of fixture.cases) {
        const facts = factsFor(c.profile as Profile, c.member ?? 0);
        const before = { ...facts };
        expect(rules.evaluateAll(facts)[rule.index], `${fixture.rule}: ${c.name}`).toEqual(rule.evaluate(facts));
        expect(rule.status(facts), `${fixture.rule}: ${c.name}`).toBe(rule.evaluate(facts).status);
        for (const fact of rule.facts) rules.statusWith(rule, facts, fact, undefined);
        expect(facts).toEqual(before);
      }
    }
  });
});
