// The screening engine: rules in, three-valued outcomes with reasons and unlocks out.

// Commonly used
export { ruleset, Ruleset, type CompiledRule } from "./ruleset.js";
export { screenHousehold, type MemberScreening, type ScreenOptions } from "./screening.js";
export type { Outcome, Reason, Status } from "./outcome.js";
export type { Unlock } from "./unlocks.js";

// Rule files and the reference evaluator
export { loadRules, leavesOf, OPERATORS, type RuleFile, type Condition, type Leaf, type Operator } from "./rule.js";
export { ReferenceEvaluator } from "./reference.js";
export { compileCondition, type Evaluate } from "./compile.js";

// Reasons in words, for reports and exports
export { reasonText, factLabel, valueLabel } from "./explain.js";
