// Income per person per month from the amounts a message names. The question asks for income
// per person per month; people answer with their own pay, a whole-household total, a yearly
// figure, or several people's incomes. Nothing is guessed: a household total needs the household
// size, and one member's pay in a larger household says nothing of the others.
import type { MoneyMention } from "../understand/mod.js";
import type { Confirm } from "./types.js";

export interface Amount {
  readonly money: MoneyMention;
  /** The members the amount is about; "household" for "the whole family", "we"; undefined when the text says no one. */
  readonly who: readonly number[] | "household" | undefined;
  /** How many people the clause names when more than are listed yet ("the two of us" before the spouse is listed). */
  readonly people?: number;
}

export type Income = { readonly perPerson: number } | { readonly confirm: Confirm } | undefined;

/** Amounts of 20,000 or more a month without a period may well be yearly: asked back. */
const UNCLEAR_PERIOD = 20_000;

export function incomeOf(amounts: readonly Amount[], householdSize: number | undefined, sizeSaid: number | undefined): Income {
  const income = amounts.filter((a) => !a.money.benefit);
  if (income.length === 0) return undefined;
  const monthly = (a: Amount) => (a.money.period === "year" ? a.money.top / 12 : a.money.top);
  const person = income.filter((a) => a.money.scope === "person");
  if (person.length > 1) return confirm("conflict");
  if (person.length === 1) return perPerson(monthly(person[0]!));
  if (income.some((a) => a.money.period === "unknown" && a.money.top >= UNCLEAR_PERIOD)) return confirm("period");
  const size = sizeSaid ?? householdSize;
  const covers = (a: Amount) => Math.max(a.people ?? 0, Array.isArray(a.who) ? a.who.length : a.who === "household" ? size ?? 1 : 1);
  const total = (list: readonly Amount[]) => list.reduce((sum, a) => sum + monthly(a), 0);
  // A bare amount answers the question as asked: per person per month (a yearly one is the household's).
  if (income.length === 1 && income[0]!.who === undefined && income[0]!.money.scope === "unknown") {
    const only = income[0]!;
    if (only.money.period !== "year" || size === 1) return perPerson(monthly(only));
    return size === undefined ? confirm("household-size") : perPerson(monthly(only) / size);
  }
  if (size === undefined) return confirm("household-size");
  // A total is the household's unless the clause names whose it is ("the two of us together": the couple's).
  const wholeHousehold = income.some((a) => a.who === "household" || (a.money.scope === "household" && !Array.isArray(a.who)));
  if (wholeHousehold) return income.length === 1 ? perPerson(total(income) / size) : confirm("conflict");
  // Several people's incomes, or a group's total: the household's total only when everyone is accounted for.
  const covered = new Set(income.flatMap((a) => (Array.isArray(a.who) ? a.who : [0])));
  // "the two of us have no income": a couple counts as two even when the spouse is not listed yet.
  const people = Math.max(covered.size, income.reduce((n, a) => n + covers(a), 0));
  if (people < size) return confirm("household-size");
  return perPerson(total(income) / size);
}

function perPerson(value: number): Income {
  // Rounded up: income is compared from above, so rounding never makes a household look poorer.
  return { perPerson: Math.ceil(value - 1e-9) };
}

function confirm(reason: Confirm["reason"]): Income {
  return { confirm: { member: null, fact: "incomePerPersonMonthly", reason } };
}
