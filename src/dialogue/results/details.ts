// One service in full, on request ("details 3"): what it gives (amounts with year and whose figure),
// the conditions checked for this person and what else the office checks, where and how to apply,
// what to bring, the hotline, and the sources.
import { catalogue, inLang, serviceName, type Item, type Lang, type Source } from "../../catalogue/mod.js";
import { reasonText } from "../../engine/mod.js";
import { screenHousehold, type CompiledRule, type Ruleset } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import type { Profile } from "../../profile/mod.js";
import type { Reply } from "../reply.js";
import { amountText } from "./lines.js";

export function renderDetails(t: Translate, lang: Lang, profile: Profile, rules: Ruleset, listed: string): Reply | undefined {
  const [memberText, ruleId] = listed.split(":");
  const rule = rules.byId.get(ruleId ?? "");
  const member = Number(memberText);
  if (!rule || !Number.isInteger(member)) return undefined;
  const item = catalogue().byId.get(rule.service)!;
  const outcome = screenHousehold(rules, profile, { unlocks: false })[member]?.outcomes[rule.index];
  const lines = [t("details.title", { name: serviceName(item, rule.file, lang) }), inLang(item.summary, lang)];
  lines.push(...gives(t, lang, item, rule, profile.city ?? undefined));
  if (outcome && outcome.reasons.length > 0) lines.push(t("details.why", { reasons: outcome.reasons.map((r) => reasonText(t, r)).join(t("list.and")) }));
  if (item.otherConditions) lines.push(t("details.otherConditions", { text: inLang(item.otherConditions, lang) }));
  lines.push(...howToApply(t, lang, item));
  lines.push(t("details.sources", { sources: item.sources.filter((s) => cited(rule, s)).map((s) => sourceText(t, s)).join(t("list.sources")) }));
  return { text: lines.join("\n") };
}

function gives(t: Translate, lang: Lang, item: Item, rule: CompiledRule, city: string | undefined): string[] {
  const lines: string[] = [];
  for (const b of item.benefits) {
    if (b.rules && !b.rules.includes(rule.id)) continue;
    if (b.amount?.scope.startsWith("city:") && b.amount.scope !== `city:${city}`) continue;
    lines.push(t("details.gives", { text: inLang(b.text, lang), amount: b.amount ? amountText(t, b.amount) : "" }));
  }
  if (item.amountNote) lines.push(t("details.amountNote", { text: inLang(item.amountNote, lang) }));
  return lines;
}

function howToApply(t: Translate, lang: Lang, item: Item): string[] {
  const { where, online, hotlines, documents } = item.apply;
  return [
    where ? t("details.where", { text: inLang(where, lang) }) : "",
    online ? t("details.online", { text: inLang(online, lang) }) : "",
    hotlines.length > 0 ? t("details.hotline", { numbers: hotlines.join(" / ") }) : "",
    documents.length > 0 ? t("details.documents", { text: documents.map((d) => inLang(d, lang)).join(t("list.and")) }) : "",
  ].filter(Boolean);
}

/** The rule's own sources where it lists them, else every source of the item. */
function cited(rule: CompiledRule, source: Source): boolean {
  return !rule.file.sources || rule.file.sources.includes(source.id);
}

/** A reprint is named by its outlet, not linked: the copy's site is unrelated to the outlet. */
export function sourceText(t: Translate, s: Source): string {
  return [s.title, s.section, s.mirror ? t("details.mirror") : s.url, s.year].filter(Boolean).join(t("list.and"));
}
