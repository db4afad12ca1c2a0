// The fast path: each rule's condition tree compiled once into closures that evaluate it
// three-valued (Kleene logic) in microseconds. json-rules-engine stays the reference
// (reference.ts); test/engine/differential.test.ts proves the two agree.
//
// Speed comes from three things: a node with one child is that child (rules wrap single
// conditions in "all"); loops instead of map/filter; and a leaf's outcome is cached per value
// it sees (facts take few values), so a warm evaluation allocates almost nothing.
import type { FactMap } from "../profile/mod.js";
import { isAll, isAny, isFactRef, isLeaf, type Condition, type Leaf } from "./rule.js";
import { OPERATOR_FNS } from "./operators.js";
import { NONE, isUnknown, joinUnique, type Outcome, type Reason } from "./outcome.js";

export type Evaluate = (facts: FactMap) => Outcome;

/** Distinct values cached per leaf; beyond this (say, every income ever typed) outcomes are built fresh. */
const LEAF_CACHE_LIMIT = 512;

export function compileCondition(c: Condition): Evaluate {
  if (isLeaf(c)) return compileLeaf(c);
  if (isAll(c)) return c.all.length === 1 ? compileCondition(c.all[0]!) : compileAll(c.all.map(compileCondition));
  if (isAny(c)) return c.any.length === 1 ? compileCondition(c.any[0]!) : compileAny(c.any.map(compileCondition));
  return compileNot(compileCondition(c.not));
}

function compileLeaf(leaf: Leaf): Evaluate {
  const { fact, operator, value } = leaf;
  const op = OPERATOR_FNS[operator];
  if (!op) throw new Error(`unknown operator ${operator}`);
  if (isFactRef(value)) return compileFactComparison(fact, value.fact, operator, op);
  const unknown: Outcome = Object.freeze({ status: "unknown", reasons: NONE, missing: Object.freeze([fact]) });
  const cache = new Map<unknown, Outcome>();
  const decide = (actual: unknown): Outcome => {
    const holds = op(actual, value);
    const reason: Reason = Object.freeze({ fact, operator, value, actual, holds });
    return Object.freeze({ status: holds ? "eligible" : "ineligible", reasons: Object.freeze([reason]), missing: NONE });
  };
  return (facts) => {
    const actual = facts[fact];
    if (isUnknown(actual)) return unknown;
    // Lists (conditions) are new objects each time: only primitives are worth caching.
    if (typeof actual === "object") return decide(actual);
    let outcome = cache.get(actual);
    if (outcome === undefined) {
      outcome = decide(actual);
      if (cache.size < LEAF_CACHE_LIMIT) cache.set(actual, outcome);
    }
    return outcome;
  };
}

/**
 * A leaf that compares two facts ("income at most the city's dibao floor"). Unknown when either
 * is unknown, missing the unknown ones in that order; the reason records the value compared with.
 * Such leaves are few, so their outcomes are not cached.
 */
function compileFactComparison(fact: string, other: string, operator: string, op: (a: unknown, b: unknown) => boolean): Evaluate {
  return (facts) => {
    const actual = facts[fact];
    const expected = facts[other];
    const missing = [...(isUnknown(actual) ? [fact] : []), ...(isUnknown(expected) ? [other] : [])];
    if (missing.length > 0) return { status: "unknown", reasons: NONE, missing };
    const holds = op(actual, expected);
    const reason: Reason = { fact, operator, value: expected, actual, holds };
    return { status: holds ? "eligible" : "ineligible", reasons: [reason], missing: NONE };
  };
}

function compileAll(children: readonly Evaluate[]): Evaluate {
  const n = children.length;
  return (facts) => {
    const outcomes: Outcome[] = new Array(n);
    let failed = 0;
    let open = 0;
    for (let i = 0; i < n; i++) {
      const o = children[i]!(facts);
      outcomes[i] = o;
      if (o.status === "ineligible") failed++;
      else if (o.status === "unknown") open++;
    }
    if (failed > 0) return { status: "ineligible", reasons: reasonsWhere(outcomes, undefined, "ineligible"), missing: NONE };
    const reasons = reasonsWhere(outcomes);
    if (open > 0) return { status: "unknown", reasons, missing: missingOf(outcomes) };
    return { status: "eligible", reasons, missing: NONE };
  };
}

function compileAny(children: readonly Evaluate[]): Evaluate {
  const n = children.length;
  return (facts) => {
    const outcomes: Outcome[] = new Array(n);
    let passed = 0;
    let open = 0;
    for (let i = 0; i < n; i++) {
      const o = children[i]!(facts);
      outcomes[i] = o;
      if (o.status === "eligible") passed++;
      else if (o.status === "unknown") open++;
    }
    if (passed > 0) return { status: "eligible", reasons: reasonsWhere(outcomes, "eligible"), missing: NONE };
    // A failing leaf beside an open one is not a reason: the open one may still pass.
    if (open > 0) return { status: "unknown", reasons: reasonsWhere(outcomes, "unknown"), missing: missingOf(outcomes) };
    return { status: "ineligible", reasons: reasonsWhere(outcomes), missing: NONE };
  };
}

function compileNot(child: Evaluate): Evaluate {
  return (facts) => {
    const o = child(facts);
    if (o.status === "unknown") return o;
    return { status: o.status === "eligible" ? "ineligible" : "eligible", reasons: o.reasons, missing: o.missing };
  };
}

/** The reasons of the children with `status` (or all children), reusing a lone child's list. */
function reasonsWhere(outcomes: readonly Outcome[], status?: Outcome["status"], only?: Outcome["status"]): readonly Reason[] {
  const wanted = status ?? only;
  let result: readonly Reason[] = NONE;
  let owned = false;
  for (const o of outcomes) {
    if ((wanted !== undefined && o.status !== wanted) || o.reasons.length === 0) continue;
    if (result.length === 0) result = o.reasons;
    else if (owned) (result as Reason[]).push(...o.reasons);
    else {
      result = [...result, ...o.reasons];
      owned = true;
    }
  }
  return result;
}

function missingOf(outcomes: readonly Outcome[]): readonly string[] {
  const lists: (readonly string[])[] = [];
  for (const o of outcomes) if (o.status === "unknown") lists.push(o.missing);
  return joinUnique(lists);
}
