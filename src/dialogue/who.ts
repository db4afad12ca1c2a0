// Names a household member without a name: "you", "your child (8)", "your parent (62)".
import type { Translate } from "../i18n/mod.js";
import type { Profile } from "../profile/profile.js";

export function whoLabel(t: Translate, profile: Profile, member: number): string {
  const m = profile.members[member];
  if (!m || member === 0) return t("who.self");
  const relation = m.relation ?? "other";
  const base = t(`who.${relation}`);
  // Two children of unknown age need telling apart: use their position among that relation.
  const same = profile.members.filter((x) => (x.relation ?? "other") === relation);
  const position = profile.members.slice(0, member + 1).filter((x) => (x.relation ?? "other") === relation).length;
  if (m.age !== undefined && m.age !== null) return t("who.withAge", { who: base, age: m.age });
  if (same.length > 1) return t("who.numbered", { who: base, n: position });
  return base;
}

/** i18next context: questions to the user read differently from questions about someone else. */
export function personContext(member: number | null): "self" | "other" | "household" {
  return member === null ? "household" : member === 0 ? "self" : "other";
}
