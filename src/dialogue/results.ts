// The results, as the user reads them: for each person (and the household as a whole),
// services they can apply for with what they give and how to apply; then what one more
// answer would settle; then near misses with the reason; then what would open more.
// Services open to every resident are summed up in one line.
import { factDefinition } from "../profile/facts.js";
import { catalogue, inLang, serviceName, type Item, type Lang } from "../catalogue/mod.js";
import { reasonText, valueLabel } from "../engine/explain.js";
import { screenHousehold, type CompiledRule, type MemberScreening, type Outcome, type Ruleset } from "../engine/mod.js";
import type { Translate } from "../i18n/mod.js";
import { questionText } from "./ask.js";
import { ASSISTANCE_FACTS, factKey, parseKey } from "./keys.js";
import { canAsk } from "./questions.js";
import { possibleAnswers } from "./selection.js";
import { factsFor, type Profile } from "../profile/profile.js";
import { whoLabel } from "./who.js";
import type { Reply } from "./reply.js";

/** Near misses shown per person: enough to explain, few enough to read on a phone. */
const NEAR_MISSES_SHOWN = 5;

export function renderResults(t: Translate, lang: Lang, profile: Profile, rules: Ruleset): Reply[] {
  const screenings = screenHousehold(rules, profile);
  const described = new Set<string>();
  const replies: Reply[] = [{ text: t("results.title") }];
  const household = householdSection(t, lang, profile, rules, screenings[0]!, described);
  if (household) replies.push({ text: household });
  for (const s of screenings) {
    const text = personSection(t, lang, profile, rules, s, described);
    if (text) replies.push({ text });
  }
  replies.push({ text: closing(t, rules, screenings) });
  return replies;
}

function itemsWith(rules: Ruleset, outcomes: readonly Outcome[], scope: Item["scope"], status: Outcome["status"]): { item: Item; rule: CompiledRule; outcome: Outcome }[] {
  const { byId } = catalogue();
  return rules.rules
    .map((rule) => ({ item: byId.get(rule.service)!, rule, outcome: outcomes[rule.index]! }))
    .filter(({ item, outcome }) => item.scope === scope && !item.universal && outcome.status === status);
}

function householdSection(t: Translate, lang: Lang, profile: Profile, rules: Ruleset, s: MemberScreening, described: Set<string>): string | undefined {
  return section(t, lang, profile, rules, s, "household", t("results.household"), described);
}

function personSection(t: Translate, lang: Lang, profile: Profile, rules: Ruleset, s: MemberScreening, described: Set<string>): string | undefined {
  const who = whoLabel(t, profile, s.member);
  const body = section(t, lang, profile, rules, s, "person", t("results.person", { who }), described);
  const unlocks = unlockLines(t, lang, rules, s);
  // A migrant without a permit learns what one is and how to get it, even when no rule here turns on it.
  const m = profile.members[s.member];
  if ((m?.hukou === "shandong" || m?.hukou === "other-province") && m.residencePermit === false && !s.unlocks.some((u) => u.fact === "residencePermit")) {
    unlocks.push(t("info.residencePermit"));
  }
  if (!body && unlocks.length === 0) return undefined;
  return [body ?? t("results.person", { who }), ...unlocks].join("\n");
}

function section(t: Translate, lang: Lang, profile: Profile, rules: Ruleset, s: MemberScreening, scope: Item["scope"], heading: string, described: Set<string>): string | undefined {
  const eligible = itemsWith(rules, s.outcomes, scope, "eligible");
  const unknown = itemsWith(rules, s.outcomes, scope, "unknown");
  const unlocked = new Set(s.unlocks.flatMap((u) => u.services));
  const nearMisses = itemsWith(rules, s.outcomes, scope, "ineligible").filter(({ rule, outcome }) => isNearMiss(profile, s.member, rule, outcome, unlocked));
  const lines = [heading];
  if (eligible.length > 0) {
    lines.push(t("results.eligible", { count: eligible.length }));
    for (const [areaName, group] of byArea(lang, [...new Set(eligible.map((e) => e.item))])) {
      lines.push(t("results.area", { area: areaName }));
      for (const item of group) {
        lines.push(...(described.has(item.id) ? [t("results.seeAbove", { name: inLang(item.name, lang) })] : describe(t, lang, item, profile.city ?? undefined)));
        described.add(item.id);
      }
    }
  }
  const pending = pendingQuestions(t, lang, rules, profile, scope === "household" ? null : s.member, unknown);
  if (eligible.length + pending.count + nearMisses.length === 0) return undefined;
  if (pending.count > 0) {
    lines.push(t("results.unknown", { count: pending.count }));
    lines.push(...pending.lines);
  }
  if (nearMisses.length > 0) {
    lines.push(t("results.nearMisses"));
    for (const { item, rule, outcome } of nearMisses.slice(0, NEAR_MISSES_SHOWN)) {
      lines.push(t("results.nearMiss", { name: serviceName(item, rule.file, lang), reason: reasonText(t, outcome.reasons[0]!) }));
    }
  }
  return lines.join("\n");
}

/**
 * Facts that do not make a near miss: age cannot change (reaching one is an unlock), nobody
 * "just misses" care for an illness they do not have, and assistance statuses are granted by offices.
 */
const NEVER_MISSED: ReadonlySet<string> = new Set(["age", "conditions", ...ASSISTANCE_FACTS]);

/** A near miss fails on one condition only, with every other fact known: the one thing worth explaining. */
function isNearMiss(profile: Profile, member: number, rule: CompiledRule, outcome: Outcome, unlocked: ReadonlySet<string>): boolean {
  const fact = outcome.reasons[0]?.fact ?? "";
  if (outcome.reasons.length !== 1 || unlocked.has(rule.id) || NEVER_MISSED.has(fact)) return false;
  const facts = factsFor(profile, member);
  return rule.facts.every((f) => facts[f] !== undefined);
}

function byArea(lang: Lang, items: readonly Item[]): [string, Item[]][] {
  const { areas } = catalogue();
  return areas
    .map((a) => [inLang(a.name, lang), items.filter((i) => i.area === a.id)] as [string, Item[]])
    .filter(([, group]) => group.length > 0);
}

/** Descriptions depend only on the item, the language and the city: rendered once, then reused. */
const descriptions = new WeakMap<Translate, Map<string, string[]>>();

/** One service in full: what it gives (amounts with year and scope), how to apply, what else is checked. */
export function describe(t: Translate, lang: Lang, item: Item, city?: string): string[] {
  let cache = descriptions.get(t);
  if (!cache) descriptions.set(t, (cache = new Map()));
  const id = `${item.id}@${city ?? ""}`;
  let lines = cache.get(id);
  if (!lines) cache.set(id, (lines = renderDescription(t, lang, item, city)));
  return lines;
}

/**
 * City figures are shown for the user's own city only; without a city, the provincial figures
 * are shown and the user learns which cities have their own, and how to see them.
 */
function renderDescription(t: Translate, lang: Lang, item: Item, city: string | undefined): string[] {
  const lines = [t("results.item", { name: inLang(item.name, lang), summary: inLang(item.summary, lang) })];
  const otherCities = new Set<string>();
  for (const b of item.benefits) {
    const scope = b.amount?.scope ?? "";
    if (scope.startsWith("city:") && scope !== `city:${city}`) {
      otherCities.add(scope.slice(5));
      continue;
    }
    const amount = b.amount ? t("results.amount", { value: b.amount.value, unit: t(`unit.${b.amount.unit}`, { defaultValue: b.amount.unit }), year: b.amount.year, scope: scopeLabel(t, b.amount.scope) }) : "";
    lines.push(`  ${t("results.gives")}${inLang(b.text, lang)}${amount}`);
  }
  if (otherCities.size > 0 && !city) lines.push(`  ${t("results.cityFigures", { cities: [...otherCities].join(t("list.and")) })}`);
  if (item.amountNote) lines.push(`  ${t("results.amountNote")}${inLang(item.amountNote, lang)}`);
  if (item.otherConditions) lines.push(`  ${t("results.otherConditions")}${inLang(item.otherConditions, lang)}`);
  const { where, online, hotlines, documents } = item.apply;
  if (where) lines.push(`  ${t("results.where")}${inLang(where, lang)}`);
  if (online) lines.push(`  ${t("results.online")}${inLang(online, lang)}`);
  if (hotlines.length > 0) lines.push(`  ${t("results.hotline")}${hotlines.join(" / ")}`);
  if (documents.length > 0) lines.push(`  ${t("results.documents")}${documents.map((d) => inLang(d, lang)).join(t("list.and"))}`);
  return lines;
}

function scopeLabel(t: Translate, scope: string): string {
  if (scope.startsWith("city:")) return t("scope.city", { city: scope.slice(5) });
  return t(`scope.${scope}`, { defaultValue: scope });
}

/**
 * Undecided services grouped by the question that would settle them. A service is listed only
 * under a question that makes sense for this person (no pregnancy question about a child).
 */
function pendingQuestions(t: Translate, lang: Lang, rules: Ruleset, profile: Profile, member: number | null, unknown: { item: Item; rule: CompiledRule; outcome: Outcome }[]): { lines: string[]; count: number } {
  const facts = factsFor(profile, member ?? 0);
  const byKey = new Map<string, string[]>();
  for (const { item, rule, outcome } of unknown) {
    // A service waiting on a fact nobody would ask about this person does not concern them.
    if (!outcome.missing.every((f) => canAsk(profile, member ?? 0, f))) continue;
    // The first missing fact that makes sense to ask and whose answer alone can settle the service.
    for (const fact of outcome.missing) {
      const owner = member === null || factDefinition(fact)?.scope !== "member" ? null : member;
      if (!possibleAnswers(rules, fact).some((v) => rules.evaluateWith(rule, facts, fact, v).status !== "unknown")) continue;
      const key = factKey(owner, fact);
      byKey.set(key, [...(byKey.get(key) ?? []), serviceName(item, rule.file, lang)]);
      break;
    }
  }
  const lines = [...byKey].map(([key, items]) => {
    const q = parseKey(key)!;
    return t("results.pending", { question: questionText(t, profile, key, q), names: items.join(t("list.and")) });
  });
  return { lines, count: [...byKey.values()].reduce((n, items) => n + items.length, 0) };
}

/**
 * Unlocks in words. For a fact that only grows (age, months here) only the next step is shown:
 * a 35-year-old hears what opens at 60, not what opens at 100.
 */
function unlockLines(t: Translate, lang: Lang, rules: Ruleset, s: MemberScreening): string[] {
  const { byId } = catalogue();
  const shownGrowing = new Set<string>();
  const nextSteps = s.unlocks.filter((u) => {
    if (factDefinition(u.fact)?.unlock !== "increase") return true;
    if (shownGrowing.has(u.fact)) return false;
    shownGrowing.add(u.fact);
    return true;
  });
  return nextSteps.map((u) => {
    const names = u.services.map((id) => {
      const rule = rules.byId.get(id)!;
      return serviceName(byId.get(rule.service)!, rule.file, lang);
    }).join(t("list.and"));
    const value = typeof u.value === "boolean" ? String(u.value) : "value";
    const specific = t(`unlock.${u.fact}.${value}`, { value: valueLabel(t, u.fact, u.value), names, defaultValue: "" });
    return specific || t("unlock.generic", { names });
  });
}

function closing(t: Translate, rules: Ruleset, screenings: MemberScreening[]): string {
  const { byId } = catalogue();
  const universal = rules.rules.filter((r) => byId.get(r.service)?.universal && screenings.some((s) => s.outcomes[r.index]?.status === "eligible"));
  const lines: string[] = [];
  if (universal.length > 0) lines.push(t("results.universal", { count: universal.length }));
  lines.push(t("results.checked", { total: rules.rules.length }));
  lines.push(t("results.disclaimer"));
  lines.push(t("results.next"));
  return lines.join("\n");
}

/** The "all" list: every service open to all residents, briefly. */
export function renderUniversal(t: Translate, lang: Lang, rules: Ruleset): Reply {
  const { byId } = catalogue();
  const items = [...new Set(rules.rules.map((r) => byId.get(r.service)!))].filter((i) => i.universal);
  const lines = [t("results.universalTitle")];
  for (const [areaName, group] of byArea(lang, items)) {
    lines.push(t("results.area", { area: areaName }));
    for (const item of group) lines.push(t("results.item", { name: inLang(item.name, lang), summary: inLang(item.summary, lang) }));
  }
  return { text: lines.join("\n") };
}
