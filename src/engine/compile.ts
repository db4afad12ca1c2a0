// The fast path: the whole ruleset evaluated three-valued (Kleene logic) over its flat layout
// (layout.ts). json-rules-engine stays the reference (reference.ts); test/engine/differential.test.ts
// proves the two agree on status, missing facts and reasons.
//
// One evaluation reads each fact once, decides each distinct leaf once, then each node in order
// (children first) into a byte of status. Reasons and missing facts are gathered afterwards, per
// rule, from those bytes: only the outcome objects themselves are allocated.
import type { FactMap } from "../profile/mod.js";
import { KIND_ALL, KIND_NOT, layOut, type Layout } from "./layout.js";
import { NONE, type Outcome, type Reason, type Status } from "./outcome.js";
import type { Condition } from "./rule.js";

export type Evaluate = (facts: FactMap) => Outcome;

const UNKNOWN = 0;
const ELIGIBLE = 1;
const INELIGIBLE = 2;
const STATUS: readonly Status[] = ["unknown", "eligible", "ineligible"];
/** A decided outcome with no reasons (a rule without conditions: a third of all outcomes) is shared. */
const BARE: readonly Outcome[] = STATUS.map((status) => Object.freeze({ status, reasons: NONE, missing: NONE }));

/** One condition tree on its own (tests, and callers with a single rule). */
export function compileCondition(c: Condition): Evaluate {
  const compiled = new CompiledRules(layOut([c]));
  return (facts) => compiled.evaluate(0, facts);
}

export class CompiledRules {
  // Scratch space for one evaluation, reused: evaluation is synchronous, so calls never interleave.
  private readonly values: unknown[];
  private readonly leafStatus: Uint8Array;
  private readonly nodeStatus: Uint8Array;
  /** Each leaf's reason, made at most once per evaluation and shared by the rules that use it. */
  private readonly reasons: (Reason | undefined)[];
  /** The reasons of the rule being gathered; never shrunk, so its storage is allocated once. */
  private readonly gathered: Reason[] = [];
  private gatheredCount = 0;

  constructor(private readonly layout: Layout) {
    this.values = new Array(layout.factNames.length);
    this.leafStatus = new Uint8Array(layout.leaves.length);
    this.nodeStatus = new Uint8Array(layout.kind.length);
    this.reasons = new Array(layout.leaves.length);
  }

  /** Every rule, in order. */
  evaluateAll(facts: FactMap): Outcome[] {
    const { factNames, leaves, root } = this.layout;
    for (let f = 0; f < factNames.length; f++) this.values[f] = facts[factNames[f]!];
    for (let l = 0; l < leaves.length; l++) this.decideLeaf(l);
    this.decideNodes(0, this.nodeStatus.length);
    const outcomes: Outcome[] = new Array(root.length);
    for (let r = 0; r < root.length; r++) outcomes[r] = this.outcome(root[r]!);
    return outcomes;
  }

  /** One rule. */
  evaluate(rule: number, facts: FactMap): Outcome {
    this.decideRule(rule, facts);
    return this.outcome(this.layout.root[rule]!);
  }

  /** One rule's status, without gathering reasons (question choice tries thousands a turn). */
  status(rule: number, facts: FactMap): Status {
    this.decideRule(rule, facts);
    return STATUS[this.statusOf(this.layout.root[rule]!)]!;
  }

  private decideRule(rule: number, facts: FactMap): void {
    const { factNames, leaves, ruleLeaves, first, end } = this.layout;
    for (const l of ruleLeaves[rule]!) {
      const leaf = leaves[l]!;
      this.values[leaf.fact] = facts[factNames[leaf.fact]!];
      if (leaf.other >= 0) this.values[leaf.other] = facts[factNames[leaf.other]!];
      this.decideLeaf(l);
    }
    this.decideNodes(first[rule]!, end[rule]!);
  }

  private decideLeaf(l: number): void {
    const leaf = this.layout.leaves[l]!;
    const actual = this.values[leaf.fact];
    const expected = leaf.other < 0 ? leaf.value : this.values[leaf.other];
    this.reasons[l] = undefined;
    if (actual === undefined || actual === null || expected === undefined || expected === null) this.leafStatus[l] = UNKNOWN;
    // "equal" is two leaves in three: compared here, it saves a call V8 cannot inline (operators.ts says the same).
    else this.leafStatus[l] = (leaf.operator === "equal" ? actual === expected : leaf.op(actual, expected)) ? ELIGIBLE : INELIGIBLE;
  }

  /** A reference is a node (>= 0) or a leaf (~ref). */
  private statusOf(ref: number): number {
    return ref < 0 ? this.leafStatus[~ref]! : this.nodeStatus[ref]!;
  }

  /** Each node after its children; a child reference is a node (>= 0) or a leaf (~ref). */
  private decideNodes(from: number, to: number): void {
    const { kind, childStart, childList } = this.layout;
    const leafStatus = this.leafStatus;
    const nodeStatus = this.nodeStatus;
    for (let n = from; n < to; n++) {
      // An "all" is decided by its first failing child, an "any" by its first passing one.
      const k = kind[n];
      const decisive = k === KIND_ALL ? INELIGIBLE : ELIGIBLE;
      let status = k === KIND_ALL ? ELIGIBLE : INELIGIBLE;
      for (let c = childStart[n]!, stop = childStart[n + 1]!; c < stop; c++) {
        const ref = childList[c]!;
        const s = ref < 0 ? leafStatus[~ref]! : nodeStatus[ref]!;
        if (s === decisive) {
          status = decisive;
          break;
        }
        if (s === UNKNOWN) status = UNKNOWN;
      }
      nodeStatus[n] = k === KIND_NOT ? negate(status) : status;
    }
  }

  private outcome(root: number): Outcome {
    const status = this.statusOf(root);
    this.gatheredCount = 0;
    this.gatherReasons(root);
    const reasons = this.takeGathered();
    if (status !== UNKNOWN) return reasons === NONE ? BARE[status]! : { status: STATUS[status]!, reasons, missing: NONE };
    const missing: string[] = [];
    this.gatherMissing(root, missing);
    return { status: STATUS[status]!, reasons, missing };
  }

  /** The reasons gathered, in an array of their exact size. */
  private takeGathered(): readonly Reason[] {
    const n = this.gatheredCount;
    if (n === 0) return NONE;
    const reasons: Reason[] = new Array(n);
    for (let i = 0; i < n; i++) reasons[i] = this.gathered[i]!;
    return reasons;
  }

  /**
   * Eligible: the conditions that made it so. Ineligible: the ones that failed. Unknown: the ones
   * already met. A decided "all" or "any" gives only its deciding children's reasons, an open
   * "any" only its open children's (a failing leaf beside an open one is not a reason).
   */
  private gatherReasons(ref: number): void {
    if (ref < 0) {
      if (this.leafStatus[~ref] !== UNKNOWN) this.gathered[this.gatheredCount++] = this.reasonOf(~ref);
      return;
    }
    const { kind, childStart, childList } = this.layout;
    const status = this.nodeStatus[ref]!;
    const k = kind[ref];
    const only = k === KIND_NOT ? -1 : k === KIND_ALL ? (status === INELIGIBLE ? INELIGIBLE : -1) : status === INELIGIBLE ? -1 : status;
    for (let c = childStart[ref]!; c < childStart[ref + 1]!; c++) {
      const child = childList[c]!;
      if (only < 0 || this.statusOf(child) === only) this.gatherReasons(child);
    }
  }

  /** The facts an open condition waits for, each once, in the order the rule names them. */
  private gatherMissing(ref: number, into: string[]): void {
    if (ref < 0) {
      const leaf = this.layout.leaves[~ref]!;
      this.addIfUnknown(leaf.fact, into);
      if (leaf.other >= 0) this.addIfUnknown(leaf.other, into);
      return;
    }
    const { childStart, childList } = this.layout;
    for (let c = childStart[ref]!; c < childStart[ref + 1]!; c++) {
      if (this.statusOf(childList[c]!) === UNKNOWN) this.gatherMissing(childList[c]!, into);
    }
  }

  private addIfUnknown(fact: number, into: string[]): void {
    const value = this.values[fact];
    const name = this.layout.factNames[fact]!;
    if ((value === undefined || value === null) && !into.includes(name)) into.push(name);
  }

  private reasonOf(l: number): Reason {
    let reason = this.reasons[l];
    if (reason) return reason;
    const leaf = this.layout.leaves[l]!;
    const value = leaf.other < 0 ? leaf.value : this.values[leaf.other];
    reason = { fact: this.layout.factNames[leaf.fact]!, operator: leaf.operator, value, actual: this.values[leaf.fact], holds: this.leafStatus[l] === ELIGIBLE };
    this.reasons[l] = reason;
    return reason;
  }
}

function negate(status: number): number {
  return status === UNKNOWN ? UNKNOWN : status === ELIGIBLE ? INELIGIBLE : ELIGIBLE;
}
