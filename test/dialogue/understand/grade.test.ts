import { describe, it, expect } from "vitest";
import { parseGrade, type Grade } from "../../../src/dialogue/understand/grade.js";

const cases: [string, Grade | undefined][] = [
  ["一级", 1],
  ["1级", 1],
  ["二级", 2],
  ["二级残疾", 2],
  ["三级", 3],
  ["第四级", 4],
  ["肢体残疾三级", 3],
  ["残疾证上写的是2级", 2],
  ["grade 3", 3],
  ["Grade III", 3],
  ["level 2", 2],
  ["3", 3],
  ["三", 3],
  ["４", 4],
  // severity words
  ["重度", "severe"],
  ["severe", "severe"],
  ["重度残疾", "severe"],
  ["极重度", 1],
  ["中度", 3],
  ["moderate", 3],
  ["轻度", 4],
  ["mild", "mild"],
  ["二级重度", 2], // consistent: 重度 covers 1–2
  // negatives
  ["", undefined],
  ["没有", undefined],
  ["hello", undefined],
  ["0", undefined],
  ["5", undefined],
  ["5级", undefined],
  ["十二级", undefined],
  ["一级轻度", undefined], // contradicts itself
  ["三级重度", undefined],
];

describe("parseGrade", () => {
  it.each(cases)("%j → %j", (input, expected) => {
    expect(parseGrade(input)).toBe(expected);
  });
});
