import { describe, it, expect } from "vitest";
import { parseMonths } from "../../../src/dialogue/understand/duration.js";

const cases: [string, number | undefined][] = [
  ["6个月", 6],
  ["六个月", 6],
  ["半年", 6],
  ["一年半", 18],
  ["两年半", 30],
  ["2年", 24],
  ["一年", 12],
  ["两年三个月", 27],
  ["1年3个月", 15],
  ["一年多", 12], // lower bound
  ["三个多月", 3],
  ["两个半月", 2.5],
  ["半个月", 0.5],
  ["3年以上", 36],
  ["住了三年", 36],
  ["在济南住了6个月了", 6],
  ["一直住了3年", 36],
  ["30天", 1],
  ["3 years", 36],
  ["three years", 36],
  ["8 months", 8],
  ["a year", 12],
  ["1 year", 12],
  ["1.5 years", 18],
  ["a year and a half", 18],
  ["2 and a half years", 30],
  ["half a year", 6],
  ["2 years 3 months", 27],
  ["about 2 years", 24],
  ["more than 2 years", 24],
  ["8", 8], // bare number = months
  ["十", 10],
  // negatives
  ["", undefined],
  ["hello", undefined],
  ["不到一年", undefined], // upper bound only
  ["less than a year", undefined],
  ["快一年了", undefined],
  ["几个月", undefined],
  ["2020年", undefined], // a calendar year, not a duration
  ["3到5年", undefined],
  ["3年或5年", undefined],
  ["6个月2年", undefined],
  ["65岁", undefined],
  ["3小时", undefined],
];

describe("parseMonths", () => {
  it.each(cases)("%j → %j", (input, expected) => {
    expect(parseMonths(input)).toBe(expected);
  });

  it("converts weeks to fractional months", () => {
    expect(parseMonths("2 weeks")).toBeCloseTo(14 / 30, 2);
  });
});
