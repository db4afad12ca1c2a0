// The handout as Markdown, for a caseworker's files: the same content as the HTML page.
import type { Handout, HandoutOpen } from "../dialogue/mod.js";
import { translator, type Translate } from "../i18n/mod.js";

export function handoutMarkdown(h: Handout): string {
  const t = translator(h.lang);
  const and = t("list.and");
  const lines = [`# ${t("handout.title")}`, "", t("handout.date", { date: h.date }), "", t("handout.people", { people: h.people.join(and) }), "", t("handout.privacy"), ""];
  lines.push(`## ${t("handout.found", { count: h.services.length })}`, "");
  if (h.services.length === 0) lines.push(t("handout.none"), "");
  for (const s of h.services) {
    lines.push(`### ${s.name}`, "", `- ${t("handout.for", { who: s.who.join(and) })}`, `- ${s.summary}`, `- ${t("handout.gives", { text: s.amount })}`);
    if (s.where) lines.push(`- ${t("handout.where", { text: s.where })}`);
    if (s.online) lines.push(`- ${t("handout.online", { text: s.online })}`);
    if (s.hotlines.length > 0) lines.push(`- ${t("handout.hotline", { numbers: s.hotlines.join(" / ") })}`);
    if (s.documents.length > 0) lines.push(`- ${t("handout.bring", { text: s.documents.join(and) })}`);
    lines.push(`- ${t("handout.sources", { text: s.sources.join("; ") })}`, "");
  }
  if (h.open.length > 0) lines.push(`## ${t("handout.open")}`, "", ...h.open.map((o) => `- ${openLine(t, o)}`), "");
  lines.push(t("handout.footer"), "");
  return lines.join("\n");
}

/** Up to six services by name, then how many more. */
function openLine(t: Translate, o: HandoutOpen): string {
  const shown = o.names.slice(0, 6).join(t("list.and"));
  const names = o.names.length > 6 ? t("handout.andMore", { names: shown, count: o.names.length - 6 }) : shown;
  return t("handout.openLine", { who: o.who, question: o.question, names });
}
