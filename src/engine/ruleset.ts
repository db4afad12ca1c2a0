// The compiled ruleset: every rule's fast evaluator, and which rules read which fact
// (so a hypothetical change re-evaluates only the rules it can affect).
import { FACTS_BY_NAME } from "../profile/facts.js";
import type { FactMap } from "../profile/profile.js";
import { compileCondition, type Evaluate } from "./compile.js";
import { leavesOf, loadRules, type RuleFile } from "./rule.js";
import type { Outcome } from "./outcome.js";

export interface CompiledRule {
  /** Position in the ruleset: outcomes arrays are indexed by it. */
  readonly index: number;
  readonly service: string;
  readonly file: RuleFile;
  readonly evaluate: Evaluate;
  readonly facts: readonly string[];
}

export class Ruleset {
  readonly rules: readonly CompiledRule[];
  readonly byService: ReadonlyMap<string, CompiledRule>;
  /** fact name -> the rules that read it */
  readonly readers: ReadonlyMap<string, readonly CompiledRule[]>;

  constructor(files: readonly RuleFile[]) {
    this.rules = files.map((file, index) => ({
      index,
      service: file.service,
      file,
      evaluate: compileCondition(file.conditions),
      facts: [...new Set(leavesOf(file.conditions).map((l) => l.fact))],
    }));
    this.byService = new Map(this.rules.map((r) => [r.service, r]));
    const readers = new Map<string, CompiledRule[]>();
    for (const rule of this.rules) {
      for (const fact of rule.facts) {
        if (!FACTS_BY_NAME.has(fact)) throw new Error(`rules/${rule.service}.json reads unknown fact "${fact}"`);
        const list = readers.get(fact) ?? [];
        list.push(rule);
        readers.set(fact, list);
      }
    }
    this.readers = readers;
  }

  /** Every rule for one person's facts, in ruleset order. */
  evaluateAll(facts: FactMap): Outcome[] {
    return this.rules.map((r) => r.evaluate(facts));
  }

  /** The values the rules compare a fact against (thresholds, enum values), in ascending order. */
  valuesTestedFor(fact: string): unknown[] {
    const values = new Set<unknown>();
    for (const rule of this.readers.get(fact) ?? []) {
      for (const leaf of leavesOf(rule.file.conditions)) {
        if (leaf.fact !== fact) continue;
        if (Array.isArray(leaf.value)) leaf.value.forEach((v) => values.add(v));
        else if (leaf.operator === "greaterThan" && typeof leaf.value === "number") values.add(leaf.value + 1);
        else if (leaf.operator === "lessThan" && typeof leaf.value === "number") values.add(leaf.value - 1);
        else values.add(leaf.value);
      }
    }
    return [...values].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : 0));
  }
}

let shipped: Ruleset | undefined;

/** The rules in rules/, compiled once per process. */
export function ruleset(): Ruleset {
  shipped ??= new Ruleset(loadRules());
  return shipped;
}
