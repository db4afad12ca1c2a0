import { describe, it, expect } from "vitest";
import { parseNumber } from "../../../src/dialogue/understand/numbers.js";

const cases: [string, number | undefined][] = [
  // Arabic
  ["65", 65],
  ["3,500", 3500],
  ["1,000,000", 1_000_000],
  ["3500.5", 3500.5],
  ["０", 0],
  ["６５", 65],
  ["0", 0],
  // Chinese numerals
  ["六十五", 65],
  ["六十五岁", 65],
  ["十八", 18],
  ["十", 10],
  ["二十", 20],
  ["两千", 2000],
  ["三千五", 3500],
  ["三千零五十", 3050],
  ["一百零五", 105],
  ["一百五", 150],
  ["一万二", 12000],
  ["两万五千", 25000],
  ["一万二千三", 12300],
  ["二十一万", 210000],
  ["零", 0],
  ["二零二三", 2023],
  ["三点五", 3.5],
  ["一点五万", 15000],
  ["叁仟伍佰", 3500],
  // Mixed Arabic + Chinese units
  ["1.5万", 15000],
  ["3万5", 35000],
  ["3万5千", 35000],
  ["3千", 3000],
  ["3万500", 30500],
  // k / w shorthands
  ["3k", 3000],
  ["3K", 3000],
  ["2.5k", 2500],
  ["1.2w", 12000],
  ["1.2W", 12000],
  // English words
  ["sixty-five", 65],
  ["sixty five", 65],
  ["twelve", 12],
  // units and words around the number are ignored
  ["65岁", 65],
  ["3000元", 3000],
  ["3000块", 3000],
  ["6个月", 6],
  ["2年", 2],
  ["月收入3000", 3000],
  ["about 3500 yuan", 3500],
  ["65 years old", 65],
  ["我今年六十五岁了", 65],
  ["第2个", 2],
  ["一家三口", 3],
  ["我们一共3个人", 3],
  ["65岁, 65", 65], // the same number twice is still one number
  // negatives: no number, or several different ones
  ["", undefined],
  ["hello", undefined],
  ["没有", undefined],
  ["🙂", undefined],
  ["3到5", undefined],
  ["3-5", undefined],
  ["3,5", undefined],
  ["三五千", undefined], // "three to five thousand"
  ["一两千", undefined],
  ["三四个", undefined], // "three or four"
  ["十一二", undefined],
  ["万达广场", undefined],
  ["一起去", undefined],
  ["千万别", undefined],
  ["3kg", 3], // kg is a unit, not a multiplier
  ["3 weeks", 3],
  ["constructor", undefined],
  ["半年", undefined], // a duration word, read by parseMonths instead
];

describe("parseNumber", () => {
  it.each(cases)("%j → %j", (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it("refuses numbers too long to represent", () => {
    expect(parseNumber("9".repeat(400))).toBeUndefined();
  });
});
