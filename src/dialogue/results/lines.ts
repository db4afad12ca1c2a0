// One service on one line: its number, its name and, where a source gives it, its amount with
// the year and whose figure it is (the user's city when known, else the province or the nation).
import { inLang, serviceName, type Amount, type Item, type Lang } from "../../catalogue/mod.js";
import type { CompiledRule } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";

export function serviceLine(t: Translate, lang: Lang, n: number, item: Item, rule: CompiledRule, city: string | undefined): string {
  const amount = amountFor(item, rule, city);
  return t("results.line", { n, name: serviceName(item, rule.file, lang), amount: amount ? amountText(t, amount, cityVaries(item, rule, amount)) : "" });
}

/** A provincial figure shown where cities publish their own: said so, so it is not read as the user's. */
export function cityVaries(item: Item, rule: CompiledRule, shown: Amount): boolean {
  return !shown.scope.startsWith("city:") && amountsOf(item, rule).some((a) => a.scope.startsWith("city:"));
}

/** The figure to show: the user's city's where it has one, otherwise a provincial or national one; never another city's. */
export function amountFor(item: Item, rule: CompiledRule, city: string | undefined): Amount | undefined {
  const mine = amountsOf(item, rule);
  return mine.find((a) => city && a.scope === `city:${city}`) ?? mine.find((a) => !a.scope.startsWith("city:"));
}

function amountsOf(item: Item, rule: CompiledRule): Amount[] {
  return item.benefits.filter((b) => b.amount && (!b.rules || b.rules.includes(rule.id))).map((b) => b.amount!);
}

/** `plain`: without the brackets that set it after a service's name. */
export function amountText(t: Translate, a: Amount, cityVaries = false, plain = false): string {
  const unit = t(`unit.${a.unit}`, { defaultValue: a.unit });
  return t(plain ? "results.amountPlain" : "results.amountShort", { value: a.value, unit, year: a.year, scope: scopeLabel(t, a.scope), varies: cityVaries ? t("results.cityVaries") : "" });
}

export function scopeLabel(t: Translate, scope: string): string {
  if (scope.startsWith("city:")) return t("scope.city", { city: scope.slice(5) });
  return t(`scope.${scope}`, { defaultValue: scope });
}

export function itemText(lang: Lang, text: Item["summary"]): string {
  return inLang(text, lang);
}
