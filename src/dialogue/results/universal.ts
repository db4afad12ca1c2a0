// The "all" list: every service open to all residents, one line each, by area.
import { catalogue, inLang, type Lang } from "../../catalogue/mod.js";
import type { Ruleset } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import type { Reply } from "../reply.js";

export function renderUniversal(t: Translate, lang: Lang, rules: Ruleset): Reply {
  const { byId, areas } = catalogue();
  const items = [...new Set(rules.rules.map((r) => byId.get(r.service)!))].filter((i) => i.universal);
  const lines = [t("results.universalTitle")];
  for (const area of areas) {
    const group = items.filter((i) => i.area === area.id);
    if (group.length === 0) continue;
    lines.push(t("results.area", { area: inLang(area.name, lang) }));
    for (const item of group) lines.push(t("results.item", { name: inLang(item.name, lang), summary: inLang(item.summary, lang) }));
  }
  return { text: lines.join("\n") };
}
