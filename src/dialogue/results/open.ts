// What is still open for one person, and what would settle it: the question to ask, a check only
// the local office can make, or a situation the user would raise (being stranded away from home).
import { factDefinition, isDerived, isOfficeCheck, type Profile } from "../../profile/mod.js";
import { factKey, getFact, isKnown } from "../keys.js";
import { canAsk } from "../questions.js";
import { serviceWeight } from "../value.js";
import type { Found, PersonFound } from "./found.js";

export interface OpenQuestion {
  readonly key: string;
  readonly services: readonly Found[];
  readonly weight: number;
}

export interface Open {
  /** Questions that would settle services, the weightiest first. */
  readonly questions: readonly OpenQuestion[];
  /** Services only the office can settle (a local income line). */
  readonly office: readonly Found[];
  /** Services that depend on a situation the user raises (stranded, a disaster). */
  readonly situational: readonly Found[];
}

export function openFor(profile: Profile, person: PersonFound): Open {
  const byKey = new Map<string, Found[]>();
  const office: Found[] = [];
  const situational: Found[] = [];
  for (const f of person.open) {
    const key = settlingKey(profile, person.member, f.outcome.missing);
    if (key === "office") office.push(f);
    else if (key === "situational") situational.push(f);
    else byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const questions = [...byKey].map(([key, services]) => ({ key, services, weight: services.reduce((w, s) => w + serviceWeight(s.rule.service), 0) }));
  questions.sort((a, b) => b.weight - a.weight);
  return { questions, office, situational };
}

/** The question that settles a service: its first missing fact this person can be asked about. */
function settlingKey(profile: Profile, member: number, missing: readonly string[]): string {
  for (const fact of missing) {
    const key = questionFor(profile, member, fact);
    if (key) return key;
  }
  if (missing.some((f) => isOfficeCheck(f))) return "office";
  return "situational";
}

function questionFor(profile: Profile, member: number, fact: string): string | undefined {
  if (fact === "dibaoLineFloor") return isKnown(profile.city) ? undefined : factKey(null, "city");
  if (fact === "spouseAge") {
    const spouse = profile.members.findIndex((m, i) => i > 0 && m.relation === "spouse");
    return spouse > 0 ? factKey(spouse, "age") : undefined;
  }
  if (isDerived(fact) || isOfficeCheck(fact)) return undefined;
  const owner = factDefinition(fact)?.scope === "member" ? member : null;
  if (isKnown(getFact(profile, owner, fact))) return undefined;
  if (["dibao", "lowIncome", "tekun", "povertyRegistered"].includes(fact)) return "assist";
  return canAsk(profile, member, fact) ? factKey(owner, fact) : undefined;
}
