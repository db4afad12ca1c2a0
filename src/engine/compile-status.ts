// A status-only twin of the fast path, for the conversation's question choice and unlocks, which
// try thousands of hypothetical answers a turn and read only whether a rule would be eligible,
// ineligible or undecided. It short-circuits (an "all" stops at its first failing condition) and
// allocates nothing. Same three-valued (Kleene) logic as compile.ts; a test checks they agree.
import type { FactMap } from "../profile/mod.js";
import { OPERATOR_FNS } from "./operators.js";
import { isUnknown, type Status } from "./outcome.js";
import { isAll, isAny, isFactRef, isLeaf, type Condition } from "./rule.js";

export type EvaluateStatus = (facts: FactMap) => Status;

export function compileStatus(c: Condition): EvaluateStatus {
  if (isLeaf(c)) {
    const op = OPERATOR_FNS[c.operator];
    if (!op) throw new Error(`unknown operator ${c.operator}`);
    const { fact, value } = c;
    if (isFactRef(value)) {
      const other = value.fact;
      return (facts) => (isUnknown(facts[fact]) || isUnknown(facts[other]) ? "unknown" : op(facts[fact], facts[other]) ? "eligible" : "ineligible");
    }
    return (facts) => (isUnknown(facts[fact]) ? "unknown" : op(facts[fact], value) ? "eligible" : "ineligible");
  }
  if (isAll(c)) return allOf(c.all.map(compileStatus));
  if (isAny(c)) return anyOf(c.any.map(compileStatus));
  const child = compileStatus(c.not);
  return (facts) => {
    const s = child(facts);
    return s === "unknown" ? s : s === "eligible" ? "ineligible" : "eligible";
  };
}

function allOf(children: readonly EvaluateStatus[]): EvaluateStatus {
  return (facts) => {
    let open = false;
    for (const child of children) {
      const s = child(facts);
      if (s === "ineligible") return s;
      if (s === "unknown") open = true;
    }
    return open ? "unknown" : "eligible";
  };
}

function anyOf(children: readonly EvaluateStatus[]): EvaluateStatus {
  return (facts) => {
    let open = false;
    for (const child of children) {
      const s = child(facts);
      if (s === "eligible") return s;
      if (s === "unknown") open = true;
    }
    return open ? "unknown" : "ineligible";
  };
}
