// Bad input gets one clear line naming the field; good input passes unchanged, unknowns dropped.
import { describe, expect, it } from "vitest";
import { validateProfile } from "../../src/profile/mod.js";

const BAD: [string, unknown, string][] = [
  ["not an object", 42, "profile:"],
  ["a list", [], "profile:"],
  ["no members", {}, "members:"],
  ["empty members", { members: [] }, "members: must list at least one person"],
  ["members not a list", { members: {} }, "members:"],
  ["negative age", { members: [{ age: -3 }] }, "members[0].age: must be at least 0"],
  ["age as text", { members: [{ age: "65" }] }, "members[0].age: must be a number"],
  ["grade 7", { members: [{ disabilityGrade: 7 }] }, "members[0].disabilityGrade: must be one of"],
  ["unknown hukou", { members: [{ hukou: "beijing" }] }, "members[0].hukou: must be one of"],
  ["boolean as text", { household: { dibao: "yes" }, members: [{}] }, "household.dibao: must be true or false"],
  ["unknown field", { members: [{ name: "张三" }] }, "members[0].name: is not a known field"],
  ["unknown top-level field", { idNumber: "x", members: [{}] }, "idNumber: is not a profile field"],
  ["city outside Shandong", { city: "北京", members: [{}] }, "city: must be one of"],
  ["bad condition", { members: [{ conditions: ["flu"] }] }, "members[0].conditions: must only contain"],
  ["member not an object", { members: [1] }, "members[0]: must be an object"],
  ["second member", { members: [{}, { age: Infinity }] }, "members[1].age"],
];

describe("validateProfile", () => {
  it.each(BAD)("rejects %s", (_, input, message) => {
    const result = validateProfile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(message);
      expect(result.error).not.toContain("\n");
    }
  });

  it("accepts a full household and drops unknowns", () => {
    const input = {
      city: "济南",
      household: { dibao: false, incomePerPersonMonthly: 1200, housing: "renting", lowIncome: null },
      members: [
        { relation: "self", age: 34, hukou: "other-province", monthsResident: 8, residencePermit: false, work: "flexible" },
        { relation: "child", age: 7, school: "primary", conditions: [] },
      ],
    };
    const result = validateProfile(input);
    expect(result).toEqual({
      ok: true,
      profile: {
        city: "济南",
        household: { dibao: false, incomePerPersonMonthly: 1200, housing: "renting" },
        members: input.members,
      },
    });
  });
});
