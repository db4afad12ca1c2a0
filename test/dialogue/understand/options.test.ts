import { describe, it, expect } from "vitest";
import { matchOption, type Option } from "../../../src/dialogue/understand/options.js";

const hukou: Option<string>[] = [
  { label: "农业户口", value: "agri" },
  { label: "非农业户口", value: "nonagri" },
  { label: "居民户口（统一登记）", value: "resident", aliases: ["居民"] },
];
const yesNo: Option<boolean>[] = [
  { label: "是 / Yes", value: true, aliases: ["是", "yes"] },
  { label: "否 / No", value: false, aliases: ["否", "no"] },
];
const counts: Option<number>[] = [
  { label: "0", value: 0 },
  { label: "1", value: 1 },
  { label: "2 or more", value: 2 },
];

const hukouCases: [string, string | undefined][] = [
  // by number
  ["1", "agri"],
  ["2", "nonagri"],
  ["2.", "nonagri"],
  ["2、", "nonagri"],
  ["(3)", "resident"],
  ["②", "nonagri"],
  ["２", "nonagri"],
  ["第二个", "nonagri"],
  ["第2个", "nonagri"],
  ["选2", "nonagri"],
  ["二", "nonagri"],
  ["option 3", "resident"],
  ["the second one", "nonagri"],
  ["2nd", "nonagri"],
  ["最后一个", "resident"],
  // by label / alias
  ["农业户口", "agri"],
  ["非农业户口", "nonagri"],
  ["居民", "resident"],
  ["我是农业户口", "agri"],
  ["我是非农业户口", "nonagri"], // the longer label wins over the one inside it
  ["非农业", "nonagri"],
  // negatives
  ["0", undefined],
  ["4", undefined],
  ["第五个", undefined],
  ["农业", undefined], // contained in two labels
  ["户口", undefined],
  ["不是农业户口", undefined], // negated
  ["hello", undefined],
  ["", undefined],
];

describe("matchOption", () => {
  it.each(hukouCases)("hukou %j → %j", (input, expected) => {
    expect(matchOption(input, hukou)).toBe(expected);
  });

  it.each([
    ["yes", true],
    ["YES", true],
    ["No", false],
    ["y", true],
    ["是", true],
    ["否", false],
    ["1", true],
    ["2", false],
    ["不是", undefined],
  ] as [string, boolean | undefined][])("yes/no %j → %j", (input, expected) => {
    expect(matchOption(input, yesNo)).toBe(expected);
  });

  it("prefers an exact label over a position", () => {
    expect(matchOption("1", counts)).toBe(1);
    expect(matchOption("0", counts)).toBe(0);
    expect(matchOption("3", counts)).toBe(2);
  });

  it("is undefined when two options share a label", () => {
    expect(matchOption("a", [{ label: "A", value: 1 }, { label: "a", value: 2 }])).toBeUndefined();
  });

  it("is undefined for no options", () => {
    expect(matchOption("1", [])).toBeUndefined();
  });
});
