// Question keys: short strings naming what a question asks, stored in the state.
//   m<i>.<fact>   a fact of member i        h.<fact>   a household fact
//   assist        which assistance the household receives (dibao, near-dibao, tekun, registered poor)
//   members       who else lives in the household          ages.<relation>   the ages of those members
//   sameResidence whether the others' hukou and permit match the user's
//   who.<fact>    which members a yes/no fact is true of, asked once for the household ("who holds a certificate")
import { factDefinition } from "../profile/mod.js";
import type { Profile } from "../profile/mod.js";

export type QuestionKey =
  | { readonly kind: "fact"; readonly member: number | null; readonly fact: string }
  | { readonly kind: "assist" }
  | { readonly kind: "members" }
  | { readonly kind: "sameResidence" }
  | { readonly kind: "who"; readonly fact: string }
  | { readonly kind: "ages"; readonly relation: string };

export const ASSISTANCE_FACTS = ["dibao", "lowIncome", "tekun", "povertyRegistered"] as const;
/** What "the same residence as me" copies from the user to the others. */
export const RESIDENCE_FACTS = ["hukou", "hukouType", "monthsResident", "residencePermit"] as const;

export function parseKey(key: string): QuestionKey | undefined {
  if (key === "assist" || key === "members" || key === "sameResidence") return { kind: key };
  if (key.startsWith("who.")) return factDefinition(key.slice(4))?.askTogether ? { kind: "who", fact: key.slice(4) } : undefined;
  if (key.startsWith("ages.")) return { kind: "ages", relation: key.slice(5) };
  const m = /^(?:m(\d{1,2})|h)\.(\w+)$/.exec(key);
  if (!m || !factDefinition(m[2]!)) return undefined;
  return { kind: "fact", member: m[1] === undefined ? null : Number(m[1]), fact: m[2]! };
}

export function factKey(member: number | null, fact: string): string {
  return member === null ? `h.${fact}` : `m${member}.${fact}`;
}

export function getFact(profile: Profile, member: number | null, fact: string): unknown {
  if (member === null) {
    return factDefinition(fact)?.scope === "profile" ? (profile as unknown as Record<string, unknown>)[fact] : (profile.household as Record<string, unknown> | null | undefined)?.[fact];
  }
  return (profile.members[member] as Record<string, unknown> | undefined)?.[fact];
}

/** Returns a new profile with the fact set (or made unknown when value is undefined), and what the value implies where still unknown. */
export function setFact(profile: Profile, member: number | null, fact: string, value: unknown): Profile {
  const implied = value === undefined || value === null ? undefined : factDefinition(fact)?.implies?.[String(value)];
  let next = setOne(profile, member, fact, value);
  for (const [other, v] of Object.entries(implied ?? {})) if (!isKnown(getFact(next, member, other))) next = setOne(next, member, other, v);
  return next;
}

function setOne(profile: Profile, member: number | null, fact: string, value: unknown): Profile {
  const assign = (obj: Record<string, unknown>) => {
    const copy = { ...obj };
    if (value === undefined || value === null) delete copy[fact];
    else copy[fact] = value;
    return copy;
  };
  if (member === null) {
    if (factDefinition(fact)?.scope === "profile") return assign(profile as unknown as Record<string, unknown>) as unknown as Profile;
    return { ...profile, household: assign({ ...(profile.household ?? {}) }) };
  }
  const members = profile.members.map((m, i) => (i === member ? assign(m as Record<string, unknown>) : m));
  return { ...profile, members };
}

export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== null;
}
