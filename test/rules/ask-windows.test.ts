// When a question makes sense (askWhen in data/facts.json) must never hide a service: for every
// eligible case in the rules' fixtures, each fact the rule reads that the person has is one the
// conversation may ask that person. Otherwise an age or sex window would leave someone who
// qualifies without the question that shows it.
import { describe, expect, it } from "vitest";
import { makesSenseToAsk, isAskable } from "../../src/dialogue/questions.js";
import { ruleset } from "../../src/engine/mod.js";
import { factDefinition, factsFor, type Profile } from "../../src/profile/mod.js";
import { ruleFixtures } from "../helpers/fixtures.js";

const rules = ruleset();

/** The windows only: makesSenseToAsk with the follow-up condition met, as it is once the fact it follows is known. */
function inWindow(profile: Profile, member: number, fact: string): boolean {
  const after = factDefinition(fact)?.askAfter;
  if (!after) return makesSenseToAsk(profile, member, fact);
  const m = { ...profile.members[member]!, [after.fact]: after.values[0] } as Profile["members"][number];
  const members = profile.members.map((x, i) => (i === member ? m : x));
  return makesSenseToAsk({ ...profile, members }, member, fact);
}

describe("question windows never hide an eligible case", () => {
  const cases = ruleFixtures().flatMap((f) => f.cases.filter((c) => c.status === "eligible").map((c) => ({ rule: f.rule, c })));
  it.each(cases.map(({ rule, c }) => [`${rule}: ${c.name}`, rule, c] as const))("%s", (_, ruleId, c) => {
    const rule = rules.byId.get(ruleId)!;
    const member = c.member ?? 0;
    const profile = c.profile as Profile;
    const person = profile.members[member] as Record<string, unknown>;
    for (const fact of rule.facts) {
      const def = factDefinition(fact);
      if (def?.scope !== "member" || !isAskable(fact) || person[fact] === undefined) continue;
      // The window is judged on what else is known of the person, without the fact itself; a fact
      // the case is eligible without (another branch of the rule holds) needs no question.
      const without: Profile = { ...profile, members: profile.members.map((m, i) => (i === member ? { ...m, [fact]: undefined } : m)) };
      if (rule.evaluate(factsFor(without, member)).status === "eligible") continue;
      expect(inWindow(without, member, fact), `${fact} of member ${member}`).toBe(true);
    }
  });
});
