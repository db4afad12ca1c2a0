// Unlocks: the single changes that would open more services, for one person.
import { describe, expect, it } from "vitest";
import { ruleset, screenHousehold } from "../../src/engine/mod.js";
import type { Profile } from "../../src/profile/mod.js";

const rules = ruleset();
const unlocksOf = (profile: Profile, member = 0) => screenHousehold(rules, profile)[member]!.unlocks;

describe("unlocks", () => {
  it("tell a migrant parent what a residence permit opens for a school-age child", () => {
    const child = { relation: "child" as const, age: 9, school: "primary" as const, hukou: "other-province" as const, residencePermit: false };
    const unlocks = unlocksOf({ members: [{ relation: "self", age: 35 }, child] }, 1);
    const permit = unlocks.find((u) => u.fact === "residencePermit");
    expect(permit?.value).toBe(true);
    expect(permit?.services).toContain("education-migrant-admission");
  });

  it("only look forward in age, and list each service at the first age that opens it", () => {
    const unlocks = unlocksOf({ members: [{ relation: "self", age: 62 }] }).filter((u) => u.fact === "age");
    expect(unlocks.every((u) => (u.value as number) > 62)).toBe(true);
    const services = unlocks.flatMap((u) => u.services);
    expect(new Set(services).size).toBe(services.length);
    expect(unlocks.find((u) => u.services.includes("health-elderly"))?.value).toBe(65);
  });

  it("are not suggested for facts that are still unknown: those are questions", () => {
    expect(unlocksOf({ members: [{ relation: "self" }] })).toEqual([]);
  });

  it("never offer a status as its own unlock (dibao does not unlock dibao)", () => {
    const unlocks = unlocksOf({ household: { dibao: false, lowIncome: false }, members: [{ relation: "self", age: 40 }] });
    expect(unlocks.find((u) => u.fact === "dibao")?.services ?? []).not.toContain("social-dibao");
    expect(unlocks.find((u) => u.fact === "lowIncome")?.services ?? []).not.toContain("social-dibao-edge");
  });
});
