// The compact result of one household, for caseloads: per member and rule, the service, the rule, the
// status, the facts still missing and the deciding conditions as short keys (reasonKey). No catalogue text:
// that comes once with --catalogue, or per result with --full, so a caseload of a million households is not
// a million copies of the same sentences. Empty lists are left out.
import { ruleset, screenHousehold, type Reason, type Status } from "../engine/mod.js";
import type { Profile } from "../profile/mod.js";

export interface CompactResult {
  readonly member: number;
  readonly service: string;
  readonly rule: string;
  readonly status: Status;
  readonly missing?: readonly string[];
  /** reasonKey of each deciding condition. */
  readonly reasons?: readonly string[];
}

export interface CompactReport {
  readonly results: readonly CompactResult[];
  readonly unlocks: readonly { readonly member: number }[];
}

export function compactReport(profile: Profile): CompactReport {
  const rules = ruleset();
  const results: CompactResult[] = [];
  const unlocks: { member: number }[] = [];
  for (const screening of screenHousehold(rules, profile)) {
    for (const rule of rules.rules) {
      const { status, missing, reasons } = screening.outcomes[rule.index]!;
      const result: { -readonly [K in keyof CompactResult]: CompactResult[K] } = { member: screening.member, service: rule.service, rule: rule.id, status };
      if (missing.length > 0) result.missing = missing;
      if (reasons.length > 0) result.reasons = reasons.map(reasonKey);
      results.push(result);
    }
    for (const unlock of screening.unlocks) unlocks.push({ member: screening.member, ...unlock });
  }
  return { results, unlocks };
}

const OPERATOR_SIGNS: Readonly<Record<string, string>> = {
  equal: "=",
  notEqual: "!=",
  in: " in ",
  notIn: " not in ",
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
  contains: " has ",
  doesNotContain: " lacks ",
};

/**
 * A deciding condition as a short key: the rule's condition (`age>=60`, `hukou in local|shandong`), with
 * `!` in front when the person's answer did not meet it. The person's own value is in their profile.
 */
export function reasonKey(reason: Reason): string {
  const value = Array.isArray(reason.value) ? reason.value.join("|") : String(reason.value);
  return `${reason.holds ? "" : "!"}${reason.fact}${OPERATOR_SIGNS[reason.operator] ?? ` ${reason.operator} `}${value}`;
}
