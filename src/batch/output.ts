// How one household's screening is written: a compact NDJSON line (the default), a full one (--full), or
// CSV rows (--out csv, per member and service, or per household). Run by the main thread for small inputs
// and by the workers for large ones, so it takes and gives plain strings.
import type { Lang } from "../i18n/mod.js";
import { buildReport } from "../report/mod.js";
import { compactReport, type CompactReport } from "./compact.js";
import { csvRow } from "./csv.js";
import { parseProfile } from "./input.js";

export interface OutputOptions {
  readonly out: "ndjson" | "csv";
  readonly rows: "member" | "household";
  readonly full: boolean;
  readonly lang: Lang;
}

/** A household to screen: its line in the input, its id (CSV), and its profile as JSON text or an error. */
export interface Item {
  readonly line: number;
  readonly id?: string;
  readonly profile: string | { readonly error: string };
}

export const CSV_HEADERS = {
  member: ["household", "line", "member", "relation", "service", "rule", "status", "missing", "reasons", "error"],
  household: ["household", "line", "members", "eligible", "unknown", "error"],
} as const;

/** The output for one household; `ok` false when its input was bad (the command then exits 2). */
export function screenItem(item: Item, options: OutputOptions): { text: string; ok: boolean } {
  const parsed = typeof item.profile === "string" ? parseProfile(item.profile) : { ok: false as const, error: item.profile.error };
  const where = { line: item.line, ...(item.id !== undefined ? { household: item.id } : {}) };
  if (!parsed.ok) {
    if (options.out === "ndjson") return { text: `${JSON.stringify({ ...where, error: parsed.error })}\n`, ok: false };
    const blanks = CSV_HEADERS[options.rows].length - 3;
    return { text: csvRow([item.id ?? "", item.line, ...Array<string>(blanks).fill(""), parsed.error]), ok: false };
  }
  if (options.out === "ndjson") {
    const report = options.full ? buildReport(parsed.profile, options.lang) : compactReport(parsed.profile);
    return { text: `${JSON.stringify({ ...where, ...report })}\n`, ok: true };
  }
  const report = compactReport(parsed.profile);
  const relations = parsed.profile.members.map((m) => m.relation ?? "");
  return { text: options.rows === "member" ? memberRows(item, report, relations) : householdRow(item, report, relations.length), ok: true };
}

function memberRows(item: Item, report: CompactReport, relations: readonly string[]): string {
  let text = "";
  for (const r of report.results) {
    text += csvRow([item.id ?? "", item.line, r.member, relations[r.member] ?? "", r.service, r.rule, r.status, (r.missing ?? []).join("|"), (r.reasons ?? []).join(" & "), ""]);
  }
  return text;
}

function householdRow(item: Item, report: CompactReport, members: number): string {
  const found = (status: string) => [...new Set(report.results.filter((r) => r.status === status).map((r) => r.service))].join("|");
  return csvRow([item.id ?? "", item.line, members, found("eligible"), found("unknown"), ""]);
}
