// A caseworker's record of one screening, as Markdown: the answers given, then every result
// with its reasons, how to apply and its sources. Built from the same report as `npm run screen`.
import { catalogue, serviceName, type Lang, type Source } from "../catalogue/mod.js";
import { factLabel, ruleset, valueLabel } from "../engine/mod.js";
import { translator, type Translate } from "../i18n/mod.js";
import { factDefinition } from "../profile/mod.js";
import type { Profile } from "../profile/mod.js";
import { buildReport, type ReportResult } from "./report.js";

export function exportMarkdown(profile: Profile, lang: Lang, when: string): string {
  const t = translator(lang);
  const report = buildReport(profile, lang);
  const lines = [`# ${t("export.title")}`, "", t("export.generated", { when }), "", `## ${t("export.answers")}`, ""];
  lines.push(...answerLines(t, profile), "", `## ${t("export.results")}`, "");
  profile.members.forEach((_, m) => {
    lines.push(`### ${t("export.member", { n: m + 1, relation: valueLabel(t, "relation", profile.members[m]?.relation ?? "other") })}`, "");
    for (const status of ["eligible", "unknown", "ineligible"] as const) {
      const rows = report.results.filter((r) => r.member === m && r.status === status);
      if (rows.length === 0) continue;
      lines.push(`#### ${t(`export.status.${status}`)} (${rows.length})`, "");
      for (const r of rows) lines.push(...resultLines(t, lang, r), "");
    }
  });
  lines.push(`## ${t("export.disclaimerTitle")}`, "", t("results.disclaimer"), "");
  return lines.join("\n");
}

function answerLines(t: Translate, profile: Profile): string[] {
  const show = (fact: string, value: unknown) => {
    const def = factDefinition(fact);
    const unit = def?.type === "number" ? t(`facts.${fact}.unit`, { defaultValue: "" }) : "";
    const text = def?.type === "boolean" ? t(`facts.${fact}.${value ? "yes" : "no"}`) : Array.isArray(value) ? value.map((v) => valueLabel(t, fact, v)).join(", ") || "-" : `${valueLabel(t, fact, value)}${unit}`;
    return `- ${factLabel(t, fact)}: ${text}`;
  };
  const lines: string[] = [];
  if (profile.city) lines.push(show("city", profile.city));
  for (const [fact, value] of Object.entries(profile.household ?? {})) lines.push(show(fact, value));
  profile.members.forEach((m, i) => {
    lines.push(`- ${t("export.member", { n: i + 1, relation: valueLabel(t, "relation", m.relation ?? "other") })}`);
    for (const [fact, value] of Object.entries(m)) if (fact !== "relation") lines.push(`  ${show(fact, value)}`);
  });
  return lines;
}

function resultLines(t: Translate, lang: Lang, r: ReportResult): string[] {
  const item = catalogue().byId.get(r.service)!;
  const rule = ruleset().byId.get(r.rule)!;
  const lines = [`- **${serviceName(item, rule.file, lang)}** (\`${r.rule}\`)`];
  if (r.reasons.length > 0) lines.push(`  - ${t("export.why")}: ${r.reasons.map((x) => x.text).join("; ")}`);
  if (r.missing.length > 0) lines.push(`  - ${t("export.missing")}: ${r.missing.map((f) => factLabel(t, f)).join(", ")}`);
  if (r.status !== "ineligible") {
    if (r.apply.where) lines.push(`  - ${t("results.where")}${r.apply.where}`);
    if (r.apply.online) lines.push(`  - ${t("results.online")}${r.apply.online}`);
    if (r.apply.hotlines.length > 0) lines.push(`  - ${t("results.hotline")}${r.apply.hotlines.join(" / ")}`);
  }
  const cite = (s: Source) => [s.title, s.section, s.mirror ? t("export.mirror") : s.url, s.year].filter(Boolean).join(", ");
  lines.push(`  - ${t("export.sources")}: ${r.sources.map(cite).join("; ")}`);
  return lines;
}

