// The condition trees of a whole ruleset laid out flat, for the fast path (compile.ts): each
// distinct leaf once (rules share many: about a third of the leaves are distinct), every "all", "any" and "not"
// numbered so that a child comes before its parent, and each rule's nodes in one contiguous range.
// A pass over the numbers in order then evaluates every node after its children, with no
// recursion and no intermediate objects.
//
// A reference to a condition is a number: n >= 0 is node n, a negative one is leaf ~n.
import { OPERATOR_FNS, type OperatorFn } from "./operators.js";
import { isAll, isAny, isFactRef, isLeaf, type Condition, type Operator } from "./rule.js";

export const KIND_ALL = 0;
export const KIND_ANY = 1;
export const KIND_NOT = 2;

/** A distinct comparison: a fact against a value, or against another fact (`other`, else -1). */
export interface LeafSpec {
  readonly fact: number;
  readonly other: number;
  readonly operator: Operator;
  readonly value: unknown;
  readonly op: OperatorFn;
}

export interface Layout {
  /** The facts the rules read, by number. */
  readonly factNames: readonly string[];
  readonly leaves: readonly LeafSpec[];
  /** Per node: its kind; its children are childList[childStart[n]] up to childList[childStart[n + 1]] (a "not" has one). */
  readonly kind: Uint8Array;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Per rule: its root, its nodes (from first up to end), and the leaves it reads. */
  readonly root: Int32Array;
  readonly first: Int32Array;
  readonly end: Int32Array;
  readonly ruleLeaves: readonly Int32Array[];
}

export function layOut(trees: readonly Condition[]): Layout {
  const builder = new Builder();
  const root: number[] = [];
  const first: number[] = [];
  const end: number[] = [];
  const ruleLeaves: Int32Array[] = [];
  for (const tree of trees) {
    first.push(builder.kinds.length);
    const used = new Set<number>();
    root.push(builder.add(tree, used));
    end.push(builder.kinds.length);
    ruleLeaves.push(Int32Array.from(used));
  }
  return builder.finish({ root: Int32Array.from(root), first: Int32Array.from(first), end: Int32Array.from(end), ruleLeaves });
}

class Builder {
  readonly factNames: string[] = [];
  readonly leaves: LeafSpec[] = [];
  readonly kinds: number[] = [];
  private readonly children: number[][] = [];
  private readonly factIndex = new Map<string, number>();
  private readonly leafIndex = new Map<string, number>();

  /** Numbers the children first, then the node; returns the reference to it. */
  add(c: Condition, used: Set<number>): number {
    if (isLeaf(c)) {
      const leaf = this.leaf(c.fact, c.operator, c.value);
      used.add(leaf);
      return ~leaf;
    }
    if (isAll(c)) return this.node(KIND_ALL, c.all.map((child) => this.add(child, used)));
    if (isAny(c)) return this.node(KIND_ANY, c.any.map((child) => this.add(child, used)));
    return this.node(KIND_NOT, [this.add(c.not, used)]);
  }

  private node(kind: number, children: number[]): number {
    this.kinds.push(kind);
    this.children.push(children);
    return this.kinds.length - 1;
  }

  private leaf(fact: string, operator: Operator, value: unknown): number {
    const key = JSON.stringify([fact, operator, value]);
    let index = this.leafIndex.get(key);
    if (index !== undefined) return index;
    const op = OPERATOR_FNS[operator];
    if (!op) throw new Error(`unknown operator ${operator}`);
    const other = isFactRef(value) ? this.fact(value.fact) : -1;
    index = this.leaves.push({ fact: this.fact(fact), other, operator, value, op }) - 1;
    this.leafIndex.set(key, index);
    return index;
  }

  private fact(name: string): number {
    let index = this.factIndex.get(name);
    if (index === undefined) this.factIndex.set(name, (index = this.factNames.push(name) - 1));
    return index;
  }

  finish(rules: Pick<Layout, "root" | "first" | "end" | "ruleLeaves">): Layout {
    const childStart = new Int32Array(this.kinds.length + 1);
    for (let n = 0; n < this.kinds.length; n++) childStart[n + 1] = childStart[n]! + this.children[n]!.length;
    return {
      factNames: this.factNames,
      leaves: this.leaves,
      kind: Uint8Array.from(this.kinds),
      childStart,
      childList: Int32Array.from(this.children.flat()),
      ...rules,
    };
  }
}
