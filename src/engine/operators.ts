// The fast path's leaf operators. They mirror json-rules-engine 7's defaults, including its
// decorators: numeric comparisons are false for non-numbers, contains is false for non-lists.
import type { Operator } from "./rule.js";

export type OperatorFn = (actual: unknown, expected: unknown) => boolean;

const isNumeric = (v: unknown): boolean => Number.parseFloat(String(v)).toString() !== "NaN";
// A number is numeric unless it is NaN; the string round trip is only needed for other values.
const numeric = (compare: (a: number, b: number) => boolean): OperatorFn =>
  (a, b) => (typeof a === "number" ? !Number.isNaN(a) : isNumeric(a)) && compare(a as number, b as number);

export const OPERATOR_FNS: Readonly<Record<Operator, OperatorFn>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).includes(a),
  notIn: (a, b) => !(b as unknown[]).includes(a),
  lessThan: numeric((a, b) => a < b),
  lessThanInclusive: numeric((a, b) => a <= b),
  greaterThan: numeric((a, b) => a > b),
  greaterThanInclusive: numeric((a, b) => a >= b),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
};
