// The fast path: each rule's condition tree compiled once into closures that evaluate it
// three-valued (Kleene logic) in microseconds. json-rules-engine stays the reference
// (reference.ts); test/engine/differential.test.ts proves the two agree.
import type { FactMap } from "../profile/profile.js";
import { isAll, isAny, isLeaf, type Condition, type Leaf } from "./rule.js";
import { OPERATOR_FNS } from "./operators.js";
import { NONE, isUnknown, joinLists, joinUnique, type Outcome, type Reason } from "./outcome.js";

export type Evaluate = (facts: FactMap) => Outcome;

export function compileCondition(c: Condition): Evaluate {
  if (isLeaf(c)) return compileLeaf(c);
  if (isAll(c)) return compileAll(c.all.map(compileCondition));
  if (isAny(c)) return compileAny(c.any.map(compileCondition));
  return compileNot(compileCondition(c.not));
}

function compileLeaf(leaf: Leaf): Evaluate {
  const { fact, operator, value } = leaf;
  const op = OPERATOR_FNS[operator];
  if (!op) throw new Error(`unknown operator ${operator}`);
  // Shared, frozen: an unknown leaf always produces the same outcome.
  const unknown: Outcome = Object.freeze({ status: "unknown", reasons: NONE, missing: Object.freeze([fact]) });
  return (facts) => {
    const actual = facts[fact];
    if (isUnknown(actual)) return unknown;
    const holds = op(actual, value);
    const reason: Reason = { fact, operator, value, actual, holds };
    return { status: holds ? "eligible" : "ineligible", reasons: [reason], missing: NONE };
  };
}

function compileAll(children: readonly Evaluate[]): Evaluate {
  return (facts) => {
    const outcomes = children.map((child) => child(facts));
    const failed = outcomes.filter((o) => o.status === "ineligible");
    if (failed.length > 0) return { status: "ineligible", reasons: joinLists(failed.map((o) => o.reasons)), missing: NONE };
    const open = outcomes.filter((o) => o.status === "unknown");
    const reasons = joinLists(outcomes.map((o) => o.reasons));
    if (open.length > 0) return { status: "unknown", reasons, missing: joinUnique(open.map((o) => o.missing)) };
    return { status: "eligible", reasons, missing: NONE };
  };
}

function compileAny(children: readonly Evaluate[]): Evaluate {
  return (facts) => {
    const outcomes = children.map((child) => child(facts));
    const passed = outcomes.filter((o) => o.status === "eligible");
    if (passed.length > 0) return { status: "eligible", reasons: joinLists(passed.map((o) => o.reasons)), missing: NONE };
    const open = outcomes.filter((o) => o.status === "unknown");
    if (open.length > 0) {
      // A failing leaf beside an open one is not a reason: the open one may still pass.
      return { status: "unknown", reasons: joinLists(open.map((o) => o.reasons)), missing: joinUnique(open.map((o) => o.missing)) };
    }
    return { status: "ineligible", reasons: joinLists(outcomes.map((o) => o.reasons)), missing: NONE };
  };
}

function compileNot(child: Evaluate): Evaluate {
  return (facts) => {
    const o = child(facts);
    if (o.status === "unknown") return o;
    return { status: o.status === "eligible" ? "ineligible" : "eligible", reasons: o.reasons, missing: o.missing };
  };
}
