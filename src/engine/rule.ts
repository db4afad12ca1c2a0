// The rule files (rules/<service>.json): json-rules-engine rules plus the item they belong to and why.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { RULES_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";

export type Operator =
  | "equal" | "notEqual" | "in" | "notIn"
  | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive"
  | "contains" | "doesNotContain";

export interface Leaf {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
}
export interface All { readonly all: readonly Condition[] }
export interface Any { readonly any: readonly Condition[] }
export interface Not { readonly not: Condition }
export type Condition = Leaf | All | Any | Not;

export interface RuleFile {
  readonly name: string;
  readonly service: string;
  readonly citation: string;
  readonly conditions: All | Any | Not;
  readonly event: { readonly type: string; readonly params?: Record<string, unknown> };
}

export const OPERATORS: readonly Operator[] = [
  "equal", "notEqual", "in", "notIn",
  "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive",
  "contains", "doesNotContain",
];

export function isLeaf(c: Condition): c is Leaf { return "fact" in c; }
export function isAll(c: Condition): c is All { return "all" in c; }
export function isAny(c: Condition): c is Any { return "any" in c; }
export function isNot(c: Condition): c is Not { return "not" in c; }

/** Every leaf of a condition tree, in document order. */
export function leavesOf(c: Condition): Leaf[] {
  if (isLeaf(c)) return [c];
  if (isAll(c)) return c.all.flatMap(leavesOf);
  if (isAny(c)) return c.any.flatMap(leavesOf);
  return leavesOf(c.not);
}

export function loadRules(dir: string = RULES_DIR): RuleFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readJsonFile<RuleFile>(join(dir, f)));
}
