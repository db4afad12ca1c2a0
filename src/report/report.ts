// The screening report: one result per member and service, with reasons in words, how to apply
// and sources, plus each member's unlocks. It is the output of `npm run screen` and of /export.
import { catalogue, inLang, serviceName, type Item, type Lang, type Source } from "../catalogue/mod.js";
import { ruleset, screenHousehold, type Status, type Unlock } from "../engine/mod.js";
import { reasonText } from "../engine/mod.js";
import { translator } from "../i18n/mod.js";
import type { Profile } from "../profile/mod.js";

export interface ReportReason {
  readonly text: string;
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly actual: unknown;
  readonly holds: boolean;
}

export interface ReportApply {
  readonly where: string | null;
  readonly online: string | null;
  readonly hotlines: readonly string[];
  readonly documents: readonly string[];
}

export interface ReportResult {
  readonly member: number;
  readonly service: string;
  /** The rule's id: an item may have several rules (two subsidies of one list item). */
  readonly rule: string;
  readonly name: string;
  readonly area: string;
  readonly status: Status;
  readonly reasons: readonly ReportReason[];
  readonly missing: readonly string[];
  readonly apply: ReportApply;
  readonly sources: readonly Source[];
}

export interface ReportUnlock extends Unlock {
  readonly member: number;
}

export interface Report {
  readonly results: readonly ReportResult[];
  readonly unlocks: readonly ReportUnlock[];
}

export function applyInfo(item: Item, lang: Lang): ReportApply {
  const { where, online, hotlines, documents } = item.apply;
  return {
    where: where ? inLang(where, lang) : null,
    online: online ? inLang(online, lang) : null,
    hotlines,
    documents: documents.map((d) => inLang(d, lang)),
  };
}

/** `name` and `area` are always Chinese (the official names); reasons and apply follow `lang`. */
export function buildReport(profile: Profile, lang: Lang = "zh-CN"): Report {
  const rules = ruleset();
  const { byId, areaById } = catalogue();
  const t = translator(lang);
  const results: ReportResult[] = [];
  const unlocks: ReportUnlock[] = [];
  for (const screening of screenHousehold(rules, profile)) {
    rules.rules.forEach((rule, i) => {
      const outcome = screening.outcomes[i]!;
      const item = byId.get(rule.service)!;
      results.push({
        member: screening.member,
        service: item.id,
        rule: rule.id,
        name: serviceName(item, rule.file, "zh-CN"),
        area: areaById.get(item.area)?.name.zh ?? item.area,
        status: outcome.status,
        reasons: outcome.reasons.map((r) => ({ text: reasonText(t, r), ...r })),
        missing: outcome.missing,
        apply: applyInfo(item, lang),
        sources: item.sources,
      });
    });
    for (const u of screening.unlocks) unlocks.push({ member: screening.member, ...u });
  }
  return { results, unlocks };
}
