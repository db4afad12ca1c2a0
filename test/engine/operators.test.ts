// Every operator of the fast path against json-rules-engine's own, on the same values: including the ones
// no shipped rule uses yet, so a rule that starts using one cannot meet an untested operator.
import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { OPERATORS } from "../../src/engine/mod.js";
import { OPERATOR_FNS } from "../../src/engine/operators.js";

const VALUES: unknown[] = [0, 1, 60, "60", "a", "local", true, false, [], ["a"], ["a", "b"], 2.5];
const EXPECTED: Record<string, unknown[]> = {
  default: [0, 60, "a", true],
  list: [["a"], ["local", "a"], []],
};

async function reference(operator: string, actual: unknown, expected: unknown): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: { all: [{ fact: "x", operator, value: expected as never }] }, event: { type: "ok" } });
  const { events } = await engine.run({ x: actual });
  return events.length === 1;
}

describe("fast-path operators vs json-rules-engine", () => {
  for (const operator of OPERATORS) {
    it(`${operator} agrees`, async () => {
      const expectedValues = operator === "in" || operator === "notIn" ? EXPECTED.list! : EXPECTED.default!;
      for (const actual of VALUES) {
        for (const expected of expectedValues) {
          expect(OPERATOR_FNS[operator](actual, expected), `${JSON.stringify(actual)} ${operator} ${JSON.stringify(expected)}`).toBe(await reference(operator, actual, expected));
        }
      }
    });
  }
});
