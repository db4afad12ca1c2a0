// Everything still open, on request ("pending"): per person each open service with the question that
// settles it, the services only the office can settle and who decides, and the services for
// situations the user would raise (a sudden hardship, being stranded away from home).
import { inLang, serviceName, type Lang } from "../../catalogue/mod.js";
import type { Ruleset } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import { isOfficeCheck, type Profile } from "../../profile/mod.js";
import { questionText } from "../ask.js";
import { parseKey } from "../keys.js";
import type { Reply } from "../reply.js";
import type { ClientMode } from "../state.js";
import { whoLabel } from "../who.js";
import { arrange } from "./found.js";
import { openFor } from "./open.js";

export function renderPending(t: Translate, lang: Lang, profile: Profile, rules: Ruleset, client?: ClientMode): Reply {
  const lines = [t("pending.title")];
  for (const person of arrange(profile, rules).people) {
    const open = openFor(profile, person);
    if (open.questions.length + open.office.length + open.situational.length === 0) continue;
    lines.push(t("results.person", { who: whoLabel(t, profile, person.member, client) }));
    for (const q of open.questions) {
      const key = parseKey(q.key);
      if (!key) continue;
      const names = q.services.map((s) => serviceName(s.item, s.rule.file, lang)).join(t("list.and"));
      lines.push(t("pending.question", { question: questionText(t, profile, q.key, key, client), names }));
    }
    for (const s of open.office) {
      const check = s.outcome.missing.find((f) => isOfficeCheck(f));
      lines.push(t("pending.office", { name: serviceName(s.item, s.rule.file, lang), who: check ? t(`facts.${check}.office`) : "" }));
    }
    for (const s of open.situational) lines.push(t("pending.situational", { name: serviceName(s.item, s.rule.file, lang), summary: inLang(s.item.audience, lang) }));
  }
  if (lines.length === 1) lines.push(t("pending.none"));
  lines.push(t("pending.next"));
  return { text: lines.join("\n") };
}
