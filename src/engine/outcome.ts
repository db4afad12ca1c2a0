// The three-valued result of one rule for one person, and why.

export type Status = "eligible" | "ineligible" | "unknown";

/** One condition that decided a result: the rule's leaf, the person's value, and whether it held. */
export interface Reason {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly actual: unknown;
  readonly holds: boolean;
}

export interface Outcome {
  readonly status: Status;
  /** Eligible: the conditions that made it so. Ineligible: the ones that failed. Unknown: the ones already met. */
  readonly reasons: readonly Reason[];
  /** The facts still needed to decide; empty unless the status is unknown. */
  readonly missing: readonly string[];
}

export const NONE: readonly never[] = Object.freeze([]);

/** A fact is unknown when it is absent or null: unknown is never read as "no". */
export function isUnknown(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Concatenates without allocating in the common one-or-none case. */
export function joinLists<T>(lists: readonly (readonly T[])[]): readonly T[] {
  let result: readonly T[] = NONE;
  for (const list of lists) {
    if (list.length === 0) continue;
    result = result.length === 0 ? list : [...result, ...list];
  }
  return result;
}

/** Concatenates and removes repeats, keeping the first occurrence. */
export function joinUnique(lists: readonly (readonly string[])[]): readonly string[] {
  const joined = joinLists(lists);
  return joined.length < 2 ? joined : [...new Set(joined)];
}
