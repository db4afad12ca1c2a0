import { describe, it, expect } from "vitest";
import { normalize, MAX_LENGTH } from "../../../src/dialogue/understand/normalize.js";

const cases: [string, string][] = [
  ["  hello  ", "hello"],
  ["ＡＢＣ１２３", "abc123"],
  ["６５岁", "65岁"],
  ["三千，五？", "三千,五?"],
  ["a \t\n  b", "a b"],
  ["a\u3000b", "a b"], // ideographic space
  ["a\u0000\u0007b", "a b"], // control characters
  ["zero\u200bwidth\ufeff", "zerowidth"],
  ["YES", "yes"],
  ["②", "2"],
  ["⒉", "2."],
  ["❷", "2"],
  ["➊", "1"],
  ["⓾", "10"],
  ["Don\u2019t know", "don't know"],
  ["", ""],
  ["   ", ""],
  ["中文不变", "中文不变"],
];

describe("normalize", () => {
  it.each(cases)("%j → %j", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("caps length so downstream parsers stay fast", () => {
    expect(normalize("x".repeat(100_000)).length).toBe(MAX_LENGTH);
    expect(normalize("字".repeat(10_000)).length).toBe(MAX_LENGTH);
  });

  it("does not split a surrogate pair at the cut", () => {
    const out = normalize("a" + "😀".repeat(1000));
    const last = out.charCodeAt(out.length - 1);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  });

  it("returns empty string for non-strings", () => {
    expect(normalize(undefined as unknown as string)).toBe("");
    expect(normalize(42 as unknown as string)).toBe("");
  });

  it("is idempotent", () => {
    for (const s of ["ＡＢＣ １２３", "Hello  World", "三千五", "②  x"]) {
      expect(normalize(normalize(s))).toBe(normalize(s));
    }
  });
});
