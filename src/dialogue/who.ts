// Names a household member without a name: "you", "your child (8)", "your parent (62)"; when a
// caseworker or relative screens someone else, "she", "her spouse (70)".
import type { Translate } from "../i18n/mod.js";
import type { Profile } from "../profile/mod.js";
import type { ClientMode } from "./state.js";

export function whoLabel(t: Translate, profile: Profile, member: number, client?: ClientMode): string {
  const m = profile.members[member];
  if (!m) return t("who.self");
  if (member === 0) return client ? clientLabel(t, client, profile) : t("who.self");
  const relation = m.relation ?? "other";
  const base = client ? t(`who.${relation}`, { context: "client", owner: clientLabel(t, client, profile) }) : t(`who.${relation}`);
  // Two children of unknown age need telling apart: use their position among that relation.
  const same = profile.members.filter((x) => (x.relation ?? "other") === relation);
  const position = profile.members.slice(0, member + 1).filter((x) => (x.relation ?? "other") === relation).length;
  if (m.age !== undefined && m.age !== null) return t("who.withAge", { who: base, age: m.age });
  if (same.length > 1) return t("who.numbered", { who: base, n: position });
  return base;
}

/** The person screened, in the third person: "she", "he", or "this resident" while the sex is unknown. */
function clientLabel(t: Translate, client: ClientMode, profile: Profile): string {
  const sex = profile.members[0]?.sex ?? client.sex;
  return t("who.client", { context: sex ?? "unknown" });
}

/**
 * i18next context: questions to the user read differently from questions about someone else, and a
 * household question while screening someone else speaks of their household ("her household").
 */
export function personContext(member: number | null, client?: ClientMode): "self" | "other" | "household" | "client" {
  if (member === null) return client ? "client" : "household";
  return member === 0 && !client ? "self" : "other";
}
