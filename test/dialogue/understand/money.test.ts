import { describe, it, expect } from "vitest";
import { parseIncome } from "../../../src/dialogue/understand/money.js";

const cases: [string, { monthly: number } | undefined][] = [
  ["三千五", { monthly: 3500 }],
  ["3500", { monthly: 3500 }],
  ["3,500元", { monthly: 3500 }],
  ["月收入3000", { monthly: 3000 }],
  ["每月2000元", { monthly: 2000 }],
  ["一个月三千", { monthly: 3000 }],
  ["3000 per month", { monthly: 3000 }],
  ["3k a month", { monthly: 3000 }],
  ["2.5k", { monthly: 2500 }],
  ["3000左右", { monthly: 3000 }],
  ["about 3500 yuan", { monthly: 3500 }],
  // yearly → monthly, rounded to whole yuan
  ["年收入3万", { monthly: 2500 }],
  ["一年3万", { monthly: 2500 }],
  ["3万/年", { monthly: 2500 }],
  ["36000 a year", { monthly: 3000 }],
  ["36000 per year", { monthly: 3000 }],
  ["annual income 50000", { monthly: 4167 }],
  ["年薪10万", { monthly: 8333 }],
  // no income
  ["没有收入", { monthly: 0 }],
  ["无收入", { monthly: 0 }],
  ["没收入", { monthly: 0 }],
  ["no income", { monthly: 0 }],
  ["没有", { monthly: 0 }],
  ["0", { monthly: 0 }],
  ["零", { monthly: 0 }],
  // negatives
  ["", undefined],
  ["hello", undefined],
  ["收入", undefined],
  ["无固定收入", undefined], // irregular, not zero
  ["没有收入证明", undefined], // about a document, not the amount
  ["一天100", undefined], // daily pay: refuse to guess days worked
  ["每周500", undefined],
  ["3000, 4000", undefined],
  ["月收入3000, 一年36000", undefined],
  ["3到5千", undefined],
];

describe("parseIncome", () => {
  it.each(cases)("%j → %j", (input, expected) => {
    expect(parseIncome(input)).toEqual(expected);
  });
});
