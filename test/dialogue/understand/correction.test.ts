import { describe, it, expect } from "vitest";
import { parseCorrection, type Correction } from "../../../src/dialogue/understand/correction.js";

const cases: [string, Correction | undefined][] = [
  // age
  ["我其实70岁", { fact: "age", value: "70岁" }],
  ["改年龄", { fact: "age" }],
  ["修改年龄", { fact: "age" }],
  ["年龄改成65", { fact: "age", value: "65" }],
  ["年龄70", { fact: "age", value: "70" }],
  ["age 65", { fact: "age", value: "65" }],
  ["change age", { fact: "age" }],
  ["change age to 65", { fact: "age", value: "65" }],
  ["actually I'm 70", { fact: "age", value: "70" }],
  ["不对，应该是65岁", { fact: "age", value: "65岁" }],
  ["correct my age: 66", { fact: "age", value: "66" }],
  ["年龄65，收入3000", { fact: "age", value: "65" }], // first fact; value stops at the clause break
  // other facts
  ["改户口", { fact: "hukou" }],
  ["户口改成济南", { fact: "hukou", value: "济南" }],
  ["户籍其实是青岛", { fact: "hukou", value: "青岛" }],
  ["其实我有居住证", { fact: "residencePermit", value: "有" }],
  ["change residence permit", { fact: "residencePermit" }],
  ["其实我住了3年", { fact: "monthsResident", value: "3年" }],
  ["住了18个月", { fact: "monthsResident", value: "18个月" }],
  ["actually 8 months", { fact: "monthsResident", value: "8 months" }],
  ["改残疾证", { fact: "disabled" }],
  ["其实没有残疾证", { fact: "disabled", value: "没有" }],
  ["change disability", { fact: "disabled" }],
  ["其实是二级", { fact: "disabilityGrade", value: "二级" }],
  ["残疾等级改成3", { fact: "disabilityGrade", value: "3" }],
  ["I meant grade 2", { fact: "disabilityGrade", value: "2" }],
  ["改收入", { fact: "incomePerPersonMonthly" }],
  ["收入3000", { fact: "incomePerPersonMonthly", value: "3000" }],
  ["年收入改成3万", { fact: "incomePerPersonMonthly", value: "年收入3万" }],
  ["update income to 3000", { fact: "incomePerPersonMonthly", value: "3000" }],
  ["低保改成有", { fact: "dibao", value: "有" }],
  ["其实我没有低保", { fact: "dibao", value: "没有" }],
  ["change dibao", { fact: "dibao" }],
  ["改住房情况", { fact: "housing" }],
  ["change housing", { fact: "housing" }],
  ["城市改成青岛", { fact: "city", value: "青岛" }],
  ["change city to Qingdao", { fact: "city", value: "qingdao" }],
  // not corrections
  ["70", undefined],
  ["", undefined],
  ["其实70", undefined], // correction word but no fact named
  ["有残疾证", undefined], // plain answer
  ["户口是什么意思", undefined],
  ["3000元", undefined],
  ["3年", undefined],
  ["我想看结果", undefined],
  ["hello", undefined],
];

describe("parseCorrection", () => {
  it.each(cases)("%j → %j", (input, expected) => {
    expect(parseCorrection(input)).toEqual(expected);
  });
});
