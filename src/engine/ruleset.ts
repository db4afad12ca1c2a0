// The compiled ruleset: every rule's fast evaluator, and which rules read which fact
// (so a hypothetical change re-evaluates only the rules it can affect).
import { FACTS_BY_NAME } from "../profile/mod.js";
import type { FactMap } from "../profile/mod.js";
import { CompiledRules, type Evaluate } from "./compile.js";
import { layOut } from "./layout.js";
import { isFactRef, leafFacts, leavesOf, loadRules, type RuleFile } from "./rule.js";
import { currentValues } from "../profile/mod.js";
import type { Outcome, Status } from "./outcome.js";

export interface CompiledRule {
  /** Position in the ruleset: outcomes arrays are indexed by it. */
  readonly index: number;
  /** The rule's id (its file name); outcomes and fixtures are keyed by it. */
  readonly id: string;
  /** The catalogue item it belongs to. */
  readonly service: string;
  readonly file: RuleFile;
  readonly evaluate: Evaluate;
  /** The status alone, without reasons: for trying hypothetical answers, where reasons are not read. */
  readonly status: (facts: FactMap) => Status;
  readonly facts: readonly string[];
}

export class Ruleset {
  readonly rules: readonly CompiledRule[];
  readonly byId: ReadonlyMap<string, CompiledRule>;
  /** catalogue item id -> its rules, in ruleset order */
  readonly byService: ReadonlyMap<string, readonly CompiledRule[]>;
  /** fact name -> the rules that read it */
  readonly readers: ReadonlyMap<string, readonly CompiledRule[]>;

  private readonly compiled: CompiledRules;

  constructor(files: readonly RuleFile[]) {
    const compiled = new CompiledRules(layOut(files.map((f) => f.conditions)));
    this.compiled = compiled;
    this.rules = files.map((file, index) => {
      const facts = [...new Set(leavesOf(file.conditions).flatMap(leafFacts))];
      const evaluate: Evaluate = (f) => compiled.evaluate(index, f);
      return { index, id: file.name, service: file.service, file, evaluate, status: (f) => compiled.status(index, f), facts };
    });
    this.byId = new Map(this.rules.map((r) => [r.id, r]));
    if (this.byId.size !== this.rules.length) throw new Error("rules/: two rules share a name");
    const byService = new Map<string, CompiledRule[]>();
    for (const rule of this.rules) byService.set(rule.service, [...(byService.get(rule.service) ?? []), rule]);
    this.byService = byService;
    const readers = new Map<string, CompiledRule[]>();
    for (const rule of this.rules) {
      for (const fact of rule.facts) {
        if (!FACTS_BY_NAME.has(fact)) throw new Error(`rules/${rule.id}.json reads unknown fact "${fact}"`);
        const list = readers.get(fact) ?? [];
        list.push(rule);
        readers.set(fact, list);
      }
    }
    this.readers = readers;
  }

  /** The status `rule` would have if `fact` had `value` (status only, see statusWith's callers). */
  statusWith(rule: CompiledRule, facts: FactMap, fact: string, value: unknown): Status {
    const before = facts[fact];
    facts[fact] = value;
    try {
      return rule.status(facts);
    } finally {
      facts[fact] = before;
    }
  }

  /** Every rule for one person's facts, in ruleset order. */
  evaluateAll(facts: FactMap): Outcome[] {
    return this.compiled.evaluateAll(facts);
  }

  private readonly tested = new Map<string, readonly unknown[]>();

  /** The values the rules compare a fact against (thresholds, enum values), in ascending order. */
  valuesTestedFor(fact: string): readonly unknown[] {
    let values = this.tested.get(fact);
    if (!values) this.tested.set(fact, (values = this.collectTestedValues(fact)));
    return values;
  }

  private collectTestedValues(fact: string): unknown[] {
    const values = new Set<unknown>();
    for (const rule of this.readers.get(fact) ?? []) {
      for (const leaf of leavesOf(rule.file.conditions)) {
        if (leaf.fact !== fact) continue;
        if (isFactRef(leaf.value)) comparedValues(leaf.value.fact).forEach((v) => values.add(v));
        else if (Array.isArray(leaf.value)) leaf.value.forEach((v) => values.add(v));
        else if (leaf.operator === "greaterThan" && typeof leaf.value === "number") values.add(leaf.value + 1);
        else if (leaf.operator === "lessThan" && typeof leaf.value === "number") values.add(leaf.value - 1);
        else values.add(leaf.value);
      }
    }
    return [...values].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : 0));
  }
}

/** The values a compared fact can take: for a parameter-backed fact, every current value of the parameter. */
function comparedValues(fact: string): number[] {
  const parameter = FACTS_BY_NAME.get(fact)?.derived?.parameter;
  return parameter ? currentValues(parameter) : [];
}

let shipped: Ruleset | undefined;

/** The rules in rules/, compiled once per process. */
export function ruleset(): Ruleset {
  shipped ??= new Ruleset(loadRules());
  return shipped;
}
