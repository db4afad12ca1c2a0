/**
 * Income answers as yuan per month. People answer in whatever period they
 * think in (月薪, 年收入, "36000 a year"); rules compare monthly figures, so
 * yearly amounts are divided by 12. Daily/weekly pay is refused rather than
 * guessed, because days worked per month vary too much for a fixed factor.
 */
import { normalize } from "./normalize.js";
import { parseNumber } from "./numbers.js";

/** "No income" said in words. 无固定收入 (irregular income) and 没有收入证明 (no proof) are not zero. */
const NO_INCOME =
  /^(?:没有|没|无|none|nothing|zero|nil)$|(?:没有|没|无)(?:任何)?(?:收入|工资|进账)(?!证明)|no (?:income|salary|earnings|wages?)|zero income/;

const YEARLY =
  /年收入|年薪|年入|全年|每一?年|一年|[/每]年|per year|a year|per annum|annual(?:ly)?|yearly|each year|every year|\/ ?y(?:ea)?r(?![a-z])/g;
const MONTHLY =
  /月收入|月薪|月入|每个?月|一个?月|\/ ?月|per month|a month|monthly|each month|every month|\/ ?mo(?:nth)?(?![a-z])/g;
const DAILY_WEEKLY =
  /每天|一天|日薪|\/ ?天|每周|一周|周薪|\/ ?周|per day|a day|daily|per week|a week|weekly|\/ ?(?:day|week|wk)(?![a-z])/;

export function parseIncome(text: string): { monthly: number } | undefined {
  try {
    const s = normalize(text);
    if (!s) return undefined;
    if (NO_INCOME.test(s) && !s.includes("固定")) return { monthly: 0 };
    if (DAILY_WEEKLY.test(s)) return undefined;
    const yearly = new RegExp(YEARLY.source).test(s);
    const monthly = new RegExp(MONTHLY.source).test(s);
    // "月收入3000，一年36000" restates the same thing twice; we don't reconcile.
    if (yearly && monthly) return undefined;
    // Blank out the period words so 一年/一个月 don't count as the number 1.
    const rest = s.replace(YEARLY, " ").replace(MONTHLY, " ");
    const v = parseNumber(rest);
    if (v === undefined || v < 0) return undefined;
    return { monthly: yearly ? Math.round(v / 12) : v };
  } catch {
    return undefined;
  }
}
