import { describe, it, expect } from "vitest";
import { parseYesNo } from "../../../src/dialogue/understand/yesno.js";

const yes = [
  "是", "是的", "对", "对的", "有", "有的", "嗯", "好", "好的", "需要", "办了", "领了", "在",
  "yes", "y", "Y", "yeah", "yep", "true", "✓", "✅", "👍", "YES", "Yes.", "是啊", "好的!", "对对对",
  "嗯，有的", "没错", "没问题", "有残疾证", "我有残疾证", "办了居住证", "yes I have", "sure", "ok",
];
const no = [
  "否", "不是", "不", "没有", "没", "无", "不对", "不需要", "没办", "no", "n", "N", "nope", "false",
  "✗", "❌", "不是的", "没有残疾证", "我没有", "还没办", "i don't have one", "I do not have it", "No.", "nah",
];
const unknown = [
  "不知道", "不知道啊", "不清楚", "不确定", "不记得", "可能吧", "有没有?", "是不是", "not sure", "I don't know",
  "maybe", "idk", "", "hello", "65", "🙂", "无所谓", "是吗",
];

describe("parseYesNo", () => {
  it.each(yes)("%j → true", (input) => expect(parseYesNo(input)).toBe(true));
  it.each(no)("%j → false", (input) => expect(parseYesNo(input)).toBe(false));
  it.each(unknown)("%j → undefined", (input) => expect(parseYesNo(input)).toBeUndefined());

  it("ignores very long messages rather than guessing", () => {
    expect(parseYesNo("我想问一下".repeat(30) + "有")).toBeUndefined();
  });
});
