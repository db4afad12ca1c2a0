// The rule files (rules/<service>.json): json-rules-engine rules plus the item they belong to and why.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { RULES_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";

export type Operator =
  | "equal" | "notEqual" | "in" | "notIn"
  | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive"
  | "contains" | "doesNotContain";

/** A comparison with another fact's value instead of a number typed into the rule (json-rules-engine's `value: { fact }`). */
export interface FactRef {
  readonly fact: string;
}

export interface Leaf {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
  /** The id of the catalogue item's source this condition comes from (test/catalogue checks it). */
  readonly source?: string;
}
export interface All { readonly all: readonly Condition[] }
export interface Any { readonly any: readonly Condition[] }
export interface Not { readonly not: Condition }
export type Condition = Leaf | All | Any | Not;

export interface RuleFile {
  /** The rule's id: its file name without ".json". */
  readonly name: string;
  /** The catalogue item the rule belongs to; an item may have several rules. */
  readonly service: string;
  /** What the user reads as the service's name when it differs from the item's (an item with several rules). */
  readonly title?: { readonly zh: string; readonly en: string };
  /** The item's sources the rule rests on. */
  readonly sources?: readonly string[];
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

export function isFactRef(value: unknown): value is FactRef {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as FactRef).fact === "string";
}

/** The facts a leaf reads: its own, and the one it compares with, if any. */
export function leafFacts(leaf: Leaf): string[] {
  return isFactRef(leaf.value) ? [leaf.fact, leaf.value.fact] : [leaf.fact];
}

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
