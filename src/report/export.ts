// Exports of one screening for a caseworker's files: the handout as a printable HTML page or as
// Markdown to read, and the full record as JSON to process.
import type { Lang } from "../catalogue/mod.js";
import { buildHandout, type ClientMode, type Handout } from "../dialogue/mod.js";
import { ruleset } from "../engine/mod.js";
import { translator } from "../i18n/mod.js";
import type { Profile } from "../profile/mod.js";
import { handoutHtml } from "./handout-html.js";
import { handoutMarkdown } from "./handout-markdown.js";
import { buildReport } from "./report.js";

export type ExportFormat = "html" | "markdown" | "json";

export function exportFormatFor(file: string): ExportFormat | undefined {
  if (/\.html?$/i.test(file)) return "html";
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  if (/\.json$/i.test(file)) return "json";
  return undefined;
}

export function exportScreening(profile: Profile, lang: Lang, format: ExportFormat, when: Date, client?: ClientMode): string {
  if (format === "json") return `${JSON.stringify({ generated: when.toISOString(), lang, answers: profile, ...buildReport(profile, lang) }, null, 2)}\n`;
  const handout = screeningHandout(profile, lang, when, client);
  return format === "html" ? handoutHtml(handout) : handoutMarkdown(handout);
}

/** The handout's content, for a channel that must lay it out itself (WeChat: text in pages of 2,000 bytes). */
export function screeningHandout(profile: Profile, lang: Lang, when: Date, client?: ClientMode): Handout {
  return buildHandout(translator(lang), lang, profile, ruleset(), when, client);
}
