// Income given as a range is stored as the top of the range. That is only safe while every rule
// tests income from above ("at most ..."): these tests keep the assumption checked.
import { describe, expect, it } from "vitest";
import { leavesOf, ruleset } from "../../src/engine/mod.js";
import { respond, start } from "../../src/dialogue/mod.js";
import { factsFor } from "../../src/profile/mod.js";

describe("income ranges", () => {
  it("are only ever compared from above by the rules", () => {
    for (const rule of ruleset().rules) {
      for (const leaf of leavesOf(rule.file.conditions)) {
        if (leaf.fact === "incomePerPersonMonthly") expect(["lessThan", "lessThanInclusive"], rule.service).toContain(leaf.operator);
      }
    }
  });

  it("never turn a household that straddles a dibao line into a yes", () => {
    let turn = start();
    for (const input of ["城市 济南", "40", "1", "没有", "没有", "#h.incomePerPersonMonthly=range:0"]) turn = respond(turn.state, input);
    expect(turn.state.profile.household?.incomePerPersonMonthly).toBe(999);
    const rules = ruleset();
    const dibao = rules.byId.get("social-dibao")!;
    expect(dibao.evaluate(factsFor(turn.state.profile, 0)).status).toBe("unknown");
  });
});
