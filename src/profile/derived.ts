// Facts computed from the rest of the profile when a member is screened (facts.json "derived").
// They let a rule say "the wife has reached 49" or "income at most the city's lowest dibao
// standard" without the conversation asking anything new.
import type { Profile } from "./profile.js";
import { currentValue } from "./parameters.js";

type Derive = (profile: Profile, member: number) => unknown;

const DERIVE: Readonly<Record<string, Derive>> = {
  // A city with no published figure still has a positive standard: 0 is the floor we can vouch for.
  dibaoLineFloor: (profile) => (profile.city ? (currentValue("dibao-line-floor", profile.city)?.value ?? 0) : undefined),
  spouseAge: (profile, member) => {
    const m = profile.members[member];
    if (!m) return undefined;
    // The user's spouse, or (for the spouse) the user: relations are read from the user's side.
    const partner = m.relation === "self" ? profile.members.find((x) => x.relation === "spouse") : m.relation === "spouse" ? profile.members[0] : undefined;
    return partner?.age ?? undefined;
  },
};

export const DERIVED_FACTS: readonly string[] = Object.keys(DERIVE);

export function deriveFact(name: string, profile: Profile, member: number): unknown {
  return DERIVE[name]?.(profile, member);
}
