// How one condition tree is read three-valued, on both evaluators: unknown is never yes or no,
// json-rules-engine's notEqual/notIn never pass on a missing fact, and a failing leaf beside a
// passing one in an "any" is not a reason.
import { describe, expect, it } from "vitest";
import { compileCondition, ReferenceEvaluator, type Condition, type RuleFile } from "../../src/engine/mod.js";

const CASES: { name: string; conditions: Condition; facts: Record<string, unknown>; status: string; missing: string[]; reasons: string[] }[] = [
  { name: "a known leaf that holds", conditions: { all: [{ fact: "age", operator: "greaterThanInclusive", value: 60 }] }, facts: { age: 60 }, status: "eligible", missing: [], reasons: ["age"] },
  { name: "a missing fact is unknown, not no", conditions: { all: [{ fact: "age", operator: "greaterThanInclusive", value: 60 }] }, facts: {}, status: "unknown", missing: ["age"], reasons: [] },
  { name: "notEqual on a missing fact is unknown, not yes", conditions: { all: [{ fact: "hukou", operator: "notEqual", value: "local" }] }, facts: {}, status: "unknown", missing: ["hukou"], reasons: [] },
  { name: "notIn on a missing fact is unknown, not yes", conditions: { all: [{ fact: "hukou", operator: "notIn", value: ["local"] }] }, facts: {}, status: "unknown", missing: ["hukou"], reasons: [] },
  { name: "one known failure decides an all", conditions: { all: [{ fact: "disabled", operator: "equal", value: true }, { fact: "disabilityGrade", operator: "lessThanInclusive", value: 2 }] }, facts: { disabled: false }, status: "ineligible", missing: [], reasons: ["disabled"] },
  { name: "one known success decides an any", conditions: { any: [{ fact: "dibao", operator: "equal", value: true }, { fact: "tekun", operator: "equal", value: true }] }, facts: { dibao: true }, status: "eligible", missing: [], reasons: ["dibao"] },
  { name: "a failing leaf beside a passing one in an any is not a reason", conditions: { any: [{ fact: "dibao", operator: "equal", value: true }, { fact: "tekun", operator: "equal", value: true }] }, facts: { dibao: false, tekun: true }, status: "eligible", missing: [], reasons: ["tekun"] },
  { name: "a failing leaf beside an open one in an any leaves it open", conditions: { any: [{ fact: "dibao", operator: "equal", value: true }, { fact: "tekun", operator: "equal", value: true }] }, facts: { dibao: false }, status: "unknown", missing: ["tekun"], reasons: [] },
  { name: "an all waits for its open children and keeps what already holds", conditions: { all: [{ fact: "age", operator: "lessThanInclusive", value: 17 }, { fact: "orphan", operator: "equal", value: true }] }, facts: { age: 8 }, status: "unknown", missing: ["orphan"], reasons: ["age"] },
  { name: "not flips a decided child", conditions: { not: { fact: "dibao", operator: "equal", value: true } }, facts: { dibao: true }, status: "ineligible", missing: [], reasons: ["dibao"] },
  { name: "not keeps an open child open", conditions: { not: { fact: "dibao", operator: "equal", value: true } }, facts: {}, status: "unknown", missing: ["dibao"], reasons: [] },
  { name: "nested: any of (all open, leaf false) is open with the inner facts missing", conditions: { any: [{ all: [{ fact: "city", operator: "equal", value: "济南" }, { fact: "incomePerPersonMonthly", operator: "lessThanInclusive", value: 884 }] }, { fact: "incomeVsDibaoLine", operator: "equal", value: "below-line" }] }, facts: { incomeVsDibaoLine: "near-line" }, status: "unknown", missing: ["city", "incomePerPersonMonthly"], reasons: [] },
  { name: "contains on the conditions list", conditions: { all: [{ fact: "conditions", operator: "contains", value: "diabetes" }] }, facts: { conditions: ["hypertension"] }, status: "ineligible", missing: [], reasons: ["conditions"] },
];

describe("three-valued evaluation", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const rule: RuleFile = { name: "r", service: "r", citation: "test", conditions: c.conditions as RuleFile["conditions"], event: { type: "eligible" } };
    const fast = compileCondition(c.conditions)(c.facts);
    const slow = (await new ReferenceEvaluator([rule]).evaluate(c.facts)).get("r")!;
    for (const outcome of [fast, slow]) {
      expect(outcome.status).toBe(c.status);
      expect([...outcome.missing]).toEqual(c.missing);
      expect(outcome.reasons.map((r) => r.fact)).toEqual(c.reasons);
    }
  });
});
