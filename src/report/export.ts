// Exports of one screening for a caseworker's files: Markdown to read, JSON to process.
import type { Lang } from "../catalogue/mod.js";
import type { Profile } from "../profile/mod.js";
import { exportMarkdown } from "./markdown.js";
import { buildReport } from "./report.js";

export type ExportFormat = "markdown" | "json";

export function exportFormatFor(file: string): ExportFormat | undefined {
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  if (/\.json$/i.test(file)) return "json";
  return undefined;
}

export function exportScreening(profile: Profile, lang: Lang, format: ExportFormat, when: Date): string {
  const stamp = when.toISOString();
  if (format === "markdown") return exportMarkdown(profile, lang, stamp);
  return `${JSON.stringify({ generated: stamp, lang, answers: profile, ...buildReport(profile, lang) }, null, 2)}\n`;
}
