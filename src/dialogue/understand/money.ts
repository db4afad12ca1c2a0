/**
 * Income answers as yuan per month. People answer in whatever period they
 * think in (monthly pay, yearly income, "36000 a year"); rules compare monthly
 * figures, so yearly amounts are divided by 12. Daily/weekly pay is refused
 * rather than guessed, because days worked per month vary too much for a fixed
 * factor. Period words are in data/understand.json ("money").
 */
import { normalize } from "./normalize.js";
import { parseNumber } from "./numbers.js";
import { LEX, alt } from "./lexicon.js";

const L = LEX.money;

/** "No income" said in words; "no proof of income" (a proof noun after it) is not zero. */
const NO_INCOME = new RegExp(
  `^${alt(L.noneReplies)}$|${alt(L.negations)}${alt(L.filler)}?${alt(L.incomeNouns)}(?!${alt(L.proofNouns)})` +
    `|${alt(L.noIncomePhrases)}`,
);

// "/yr", "/month", "/day" need a word end, which a plain word list cannot say.
const YEARLY_SRC = `${alt(L.yearly)}|\\/ ?y(?:ea)?r(?![a-z])`;
const MONTHLY_SRC = `${alt(L.monthly)}|\\/ ?mo(?:nth)?(?![a-z])`;
const YEARLY = new RegExp(YEARLY_SRC, "g");
const MONTHLY = new RegExp(MONTHLY_SRC, "g");
// Separate non-global copies for testing: a global regex's .test() is stateful.
const IS_YEARLY = new RegExp(YEARLY_SRC);
const IS_MONTHLY = new RegExp(MONTHLY_SRC);
const DAILY_WEEKLY = new RegExp(`${alt(L.dailyWeekly)}|\\/ ?(?:day|week|wk)(?![a-z])`);

export function parseIncome(text: string): { monthly: number } | undefined {
  try {
    const s = normalize(text);
    if (!s) return undefined;
    // "No regular income" is not zero income.
    if (NO_INCOME.test(s) && !L.irregular.some((w) => s.includes(w))) return { monthly: 0 };
    if (DAILY_WEEKLY.test(s)) return undefined;
    const yearly = IS_YEARLY.test(s);
    const monthly = IS_MONTHLY.test(s);
    // "3000 a month, 36000 a year" restates the same thing twice; we don't reconcile.
    if (yearly && monthly) return undefined;
    // Blank out the period words so "one year" / "one month" don't count as the number 1.
    const rest = s.replace(YEARLY, " ").replace(MONTHLY, " ");
    const v = parseNumber(rest);
    if (v === undefined || v < 0) return undefined;
    return { monthly: yearly ? Math.round(v / 12) : v };
  } catch {
    return undefined;
  }
}
