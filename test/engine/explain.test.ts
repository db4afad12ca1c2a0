// Reasons read as plain language in both languages, naming the condition and the person's value.
import { describe, expect, it } from "vitest";
import { reasonText } from "../../src/engine/explain.js";
import { translator } from "../../src/i18n/mod.js";
import type { Reason } from "../../src/engine/mod.js";

const CASES: [Reason, string, string][] = [
  [{ fact: "age", operator: "greaterThanInclusive", value: 60, actual: 58, holds: false }, "年龄58岁，未达到60岁", "Age 58: below 60"],
  [{ fact: "disabilityGrade", operator: "lessThanInclusive", value: 2, actual: 3, holds: false }, "残疾等级3级，超过了2级", "Disability grade 3: over 2"],
  [{ fact: "hukou", operator: "in", value: ["local"], actual: "other-province", holds: false }, "户口：外省户口（需要是本地户口）", "Hukou: hukou in another province (needs local hukou)"],
  [{ fact: "residencePermit", operator: "equal", value: true, actual: false, holds: false }, "没有本地居住证", "Has no residence permit here"],
  [{ fact: "dibao", operator: "equal", value: true, actual: true, holds: true }, "家庭享受城乡最低生活保障（低保）", "The household receives the minimum living allowance (dibao)"],
  [{ fact: "conditions", operator: "contains", value: "diabetes", actual: ["diabetes"], holds: true }, "患有糖尿病", "Has diabetes"],
  [{ fact: "monthsResident", operator: "greaterThanInclusive", value: 6, actual: 5, holds: false }, "在本地居住时间5个月，未达到6个月", "Time living here 5 months: below 6 months"],
];

describe("reason texts", () => {
  it.each(CASES.map(([r, zh, en]) => [`${r.fact} ${r.operator}`, r, zh, en] as const))("%s", (_, reason, zh, en) => {
    expect(reasonText(translator("zh-CN"), reason)).toBe(zh);
    expect(reasonText(translator("en"), reason)).toBe(en);
  });
});
