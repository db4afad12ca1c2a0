// Screening a household: every member against every rule, plus each member's unlocks.
import { factsFor, type Profile } from "../profile/mod.js";
import type { Outcome } from "./outcome.js";
import type { Ruleset } from "./ruleset.js";
import { unlocksFor, type Unlock } from "./unlocks.js";

export interface MemberScreening {
  readonly member: number;
  /** One outcome per rule, in ruleset order. */
  readonly outcomes: readonly Outcome[];
  readonly unlocks: readonly Unlock[];
}

export interface ScreenOptions {
  /** Unlocks cost extra evaluations; a caller that only needs statuses can skip them. */
  readonly unlocks?: boolean;
}

export function screenHousehold(ruleset: Ruleset, profile: Profile, options: ScreenOptions = {}): MemberScreening[] {
  return profile.members.map((_, member) => {
    const facts = factsFor(profile, member);
    const outcomes = ruleset.evaluateAll(facts);
    const unlocks = options.unlocks === false ? [] : unlocksFor(ruleset, facts, outcomes);
    return { member, outcomes, unlocks };
  });
}
