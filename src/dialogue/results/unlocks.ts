// What one change would open, in words ("with a residence permit you could also ..."). For a fact
// that only grows (age) only the next step is shown: a 35-year-old hears what opens at 60, not at 100.
// A change to the household (dibao approved) is said once for everyone, not under each person.
import { catalogue, serviceName, type Lang } from "../../catalogue/mod.js";
import { valueLabel } from "../../engine/mod.js";
import type { MemberScreening, Ruleset, Unlock } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import { factDefinition } from "../../profile/mod.js";

const isPersonal = (u: Unlock) => factDefinition(u.fact)?.scope === "member";

/** Years ahead an age step is worth telling: what opens at 60 is news at 55, not at 9. */
const AGE_HORIZON = 10;

/** One person's own unlocks: changes to their age, certificate, permit. */
export function personalUnlocks(s: MemberScreening, age: number | null | undefined): Unlock[] {
  return s.unlocks.filter((u) => isPersonal(u) && !(u.fact === "age" && typeof u.value === "number" && (age == null || u.value - age > AGE_HORIZON)));
}

/** The household's unlocks, each change once with the services it opens for anyone. */
export function householdUnlocks(screenings: readonly MemberScreening[]): Unlock[] {
  const merged = new Map<string, Unlock>();
  for (const u of screenings.flatMap((s) => s.unlocks.filter((x) => !isPersonal(x)))) {
    const id = `${u.fact}=${JSON.stringify(u.value)}`;
    const before = merged.get(id);
    merged.set(id, before ? { ...before, services: [...new Set([...before.services, ...u.services])] } : u);
  }
  return [...merged.values()];
}

export function unlockLines(t: Translate, lang: Lang, rules: Ruleset, unlocks: readonly Unlock[]): string[] {
  const { byId } = catalogue();
  const shownGrowing = new Set<string>();
  const nextSteps = unlocks.filter((u) => {
    if (factDefinition(u.fact)?.unlock !== "increase") return true;
    if (shownGrowing.has(u.fact)) return false;
    shownGrowing.add(u.fact);
    return true;
  });
  return nextSteps.map((u) => {
    const names = [...new Set(u.services.map((id) => rules.byId.get(id)!).map((rule) => serviceName(byId.get(rule.service)!, rule.file, lang)))].join(t("list.and"));
    const value = typeof u.value === "boolean" ? String(u.value) : "value";
    const specific = t(`unlock.${u.fact}.${value}`, { value: valueLabel(t, u.fact, u.value), names, defaultValue: "" });
    return specific || t("unlock.generic", { names });
  });
}
