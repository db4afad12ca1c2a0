// Reasons in plain language: each decisive condition rendered through the locale files
// (facts.<fact>.*, values.<fact>.<value>, reason.<operator>.*), so Chinese and English stay in step.
import { factDefinition } from "../profile/mod.js";
import type { Translate } from "../i18n/mod.js";
import type { Reason } from "./outcome.js";

const NUMERIC = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);

export function valueLabel(t: Translate, fact: string, value: unknown): string {
  return t(`values.${fact}.${String(value)}`, { defaultValue: String(value) });
}

export function factLabel(t: Translate, fact: string): string {
  return t(`facts.${fact}.name`, { defaultValue: fact });
}

/**
 * Rendered reasons, remembered per translator and reason object: the fast path shares reason
 * objects between evaluations, and i18next interpolation is the slow part of a screening.
 */
const rendered = new WeakMap<Translate, { byObject: WeakMap<Reason, string>; byValue: Map<string, string> }>();
/** Reasons over free numbers (every income typed) are new objects; a bounded map keyed by value catches those. */
const BY_VALUE_LIMIT = 10_000;

export function reasonText(t: Translate, reason: Reason): string {
  let memo = rendered.get(t);
  if (!memo) rendered.set(t, (memo = { byObject: new WeakMap(), byValue: new Map() }));
  let text = memo.byObject.get(reason);
  if (text !== undefined) return text;
  const key = `${reason.fact}\u0000${reason.operator}\u0000${String(reason.value)}\u0000${String(reason.actual)}\u0000${reason.holds}`;
  text = memo.byValue.get(key);
  if (text === undefined) {
    text = renderReason(t, reason);
    if (memo.byValue.size >= BY_VALUE_LIMIT) memo.byValue.clear();
    memo.byValue.set(key, text);
  }
  memo.byObject.set(reason, text);
  return text;
}

function renderReason(t: Translate, reason: Reason): string {
  const { fact, operator, value, actual, holds } = reason;
  const def = factDefinition(fact);
  const name = factLabel(t, fact);
  if (def?.type === "boolean") return t(`facts.${fact}.${actual ? "yes" : "no"}`);
  if (NUMERIC.has(operator)) {
    const unit = t(`facts.${fact}.unit`, { defaultValue: "" });
    return t(`reason.${operator}.${holds}`, { fact: name, actual, value, unit });
  }
  if (operator === "contains" || operator === "doesNotContain") {
    return t(`reason.${operator}.${holds}`, { fact: name, value: valueLabel(t, fact, value) });
  }
  const expected = (Array.isArray(value) ? value : [value]).map((v) => valueLabel(t, fact, v)).join(t("list.or"));
  const positive = operator === "equal" || operator === "in";
  const key = holds ? "reason.is" : positive ? "reason.isNotExpected" : "reason.isExcluded";
  return t(key, { fact: name, actual: valueLabel(t, fact, actual), expected });
}
