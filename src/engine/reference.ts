// The reference evaluator: json-rules-engine itself decides every leaf, and this file reads its
// result tree three-valued. json-rules-engine alone would turn an unknown fact into false (or,
// for notEqual/notIn, into true); here any leaf whose fact is unknown is "unknown" instead.
import { Engine, Rule, type TopLevelCondition } from "json-rules-engine";
import type { FactMap } from "../profile/mod.js";
import { NONE, isUnknown, type Outcome, type Reason, type Status } from "./outcome.js";
import { isFactRef, type RuleFile } from "./rule.js";

/** The parts of json-rules-engine's evaluated condition tree this file reads. */
interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

export class ReferenceEvaluator {
  private readonly engine: Engine;

  constructor(rules: readonly RuleFile[]) {
    this.engine = new Engine([], { allowUndefinedFacts: true });
    for (const r of rules) this.engine.addRule(new Rule({ name: r.name, conditions: r.conditions as unknown as TopLevelCondition, event: { ...r.event } }));
  }

  /** Evaluates every rule for one person, keyed by rule id; json-rules-engine runs each rule's whole tree. */
  async evaluate(facts: FactMap): Promise<Map<string, Outcome>> {
    const run = await this.engine.run({ ...facts });
    const outcomes = new Map<string, Outcome>();
    for (const r of [...run.results, ...run.failureResults]) {
      outcomes.set(String(r.name), read(r.conditions as unknown as EvaluatedCondition));
    }
    return outcomes;
  }
}

function read(node: EvaluatedCondition): Outcome {
  if (node.all) return readAll(node.all.map(read));
  if (node.any) return readAny(node.any.map(read));
  if (node.not) return readNot(read(node.not));
  return readLeaf(node);
}

function readLeaf(node: EvaluatedCondition): Outcome {
  const fact = node.fact as string;
  // A comparison with another fact ({ fact }) is unknown when that fact is, too.
  const other = isFactRef(node.value) ? node.value.fact : undefined;
  const missing = [...(isUnknown(node.factResult) ? [fact] : []), ...(other !== undefined && isUnknown(node.valueResult) ? [other] : [])];
  if (missing.length > 0) return { status: "unknown", reasons: NONE, missing };
  const holds = node.result === true;
  const value = other !== undefined ? node.valueResult : node.value;
  const reason: Reason = { fact, operator: node.operator as string, value, actual: node.factResult, holds };
  return { status: holds ? "eligible" : "ineligible", reasons: [reason], missing: NONE };
}

const having = (outcomes: Outcome[], status: Status) => outcomes.filter((o) => o.status === status);
const reasonsOf = (outcomes: Outcome[]) => outcomes.flatMap((o) => o.reasons);
const missingOf = (outcomes: Outcome[]) => [...new Set(outcomes.flatMap((o) => o.missing))];

function readAll(children: Outcome[]): Outcome {
  const failed = having(children, "ineligible");
  if (failed.length) return { status: "ineligible", reasons: reasonsOf(failed), missing: NONE };
  const open = having(children, "unknown");
  if (open.length) return { status: "unknown", reasons: reasonsOf(children), missing: missingOf(open) };
  return { status: "eligible", reasons: reasonsOf(children), missing: NONE };
}

function readAny(children: Outcome[]): Outcome {
  const passed = having(children, "eligible");
  if (passed.length) return { status: "eligible", reasons: reasonsOf(passed), missing: NONE };
  const open = having(children, "unknown");
  if (open.length) return { status: "unknown", reasons: reasonsOf(open), missing: missingOf(open) };
  return { status: "ineligible", reasons: reasonsOf(children), missing: NONE };
}

function readNot(child: Outcome): Outcome {
  if (child.status === "unknown") return child;
  return { ...child, status: child.status === "eligible" ? "ineligible" : "eligible" };
}
