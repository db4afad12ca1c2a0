// What the user sees of progress: services settled so far and matches found, not "question 3 of 12".
import type { Outcome } from "../engine/mod.js";
import { catalogue } from "../catalogue/mod.js";
import type { Ruleset } from "../engine/mod.js";

export interface Progress {
  /** Services decided for every member of the household. */
  readonly checked: number;
  readonly total: number;
  /** Targeted (not open-to-all) services someone in the household qualifies for. */
  readonly matches: number;
}

export function progressOf(rules: Ruleset, outcomes: readonly (readonly Outcome[])[]): Progress {
  const { byId } = catalogue();
  let checked = 0;
  let matches = 0;
  rules.rules.forEach((rule, i) => {
    if (outcomes.every((o) => o[i]?.status !== "unknown")) checked++;
    if (!byId.get(rule.service)?.universal && outcomes.some((o) => o[i]?.status === "eligible")) matches++;
  });
  return { checked, total: rules.rules.length, matches };
}
