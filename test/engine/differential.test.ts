// The fast path must agree with json-rules-engine (the reference) on every result:
// status, missing facts and reasons, over thousands of random households with unknowns.
import { describe, expect, it } from "vitest";
import { ReferenceEvaluator, ruleset } from "../../src/engine/mod.js";
import { factsFor } from "../../src/profile/mod.js";
import { profileGenerator } from "../helpers/random-profile.js";

const PROFILES = 10_000;

describe("fast path vs json-rules-engine", () => {
  it(`agrees on ${PROFILES} random profiles`, async () => {
    const rules = ruleset();
    const reference = new ReferenceEvaluator(rules.rules.map((r) => r.file));
    const next = profileGenerator(rules, 20261128);
    const disagreements: string[] = [];
    let compared = 0;
    const seen = { eligible: 0, ineligible: 0, unknown: 0 };
    for (let p = 0; p < PROFILES; p++) {
      const profile = next();
      for (let m = 0; m < profile.members.length; m++) {
        const facts = factsFor(profile, m);
        const expected = await reference.evaluate(facts);
        const outcomes = rules.evaluateAll(facts);
        rules.rules.forEach((rule, i) => {
          const fast = outcomes[i]!;
          const slow = expected.get(rule.id);
          compared++;
          seen[fast.status]++;
          const same = JSON.stringify([fast.status, fast.missing, fast.reasons]) === JSON.stringify([slow?.status, slow?.missing, slow?.reasons]);
          if (!same && disagreements.length < 5) disagreements.push(`${rule.id} ${JSON.stringify(facts)}: fast ${JSON.stringify(fast)} reference ${JSON.stringify(slow)}`);
        });
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(PROFILES * rules.rules.length);
    // The generator must exercise all three outcomes, or agreement proves little.
    for (const status of ["eligible", "ineligible", "unknown"] as const) expect(seen[status]).toBeGreaterThan(1000);
  }, 600_000);
});
