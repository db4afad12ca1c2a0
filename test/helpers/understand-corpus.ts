// The labelled corpora: test/fixtures/understand/ (the main one) and test/fixtures/understand-heldout/
// (written by someone else, in the same format, to check the reading on text it was not built from).
// Each case as an `npm run -s understand` input line, and the check of one output against the case's expectations.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readJsonFile } from "../../src/json-file.js";
import { FIXTURES_DIR } from "./fixtures.js";

export interface CorpusCase {
  text: string;
  intent: string;
  ask?: string;
  lang?: string;
  member?: number;
  profile?: unknown;
  date?: string;
  sets?: Record<string, unknown>;
  notSets?: string[];
  members?: number;
  term?: string;
  client?: boolean;
}

/** File-level defaults: a case may override each of them. */
interface CorpusFile extends Pick<CorpusCase, "lang" | "member" | "profile" | "date"> {
  ask: string;
  cases: CorpusCase[];
}

export interface LabelledCase extends CorpusCase {
  file: string;
  ask: string;
}

/** The corpus folders under test/fixtures. */
export type CorpusName = "understand" | "understand-heldout";

export function corpus(name: CorpusName = "understand"): LabelledCase[] {
  const dir = join(FIXTURES_DIR, name);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((file) => {
      const data = readJsonFile<CorpusFile>(join(dir, file));
      const defaults = { lang: data.lang, member: data.member, profile: data.profile, date: data.date };
      return data.cases.map((c) => ({ ...defaults, ...c, file, ask: c.ask ?? data.ask }));
    });
}

export function inputLine(c: LabelledCase): string {
  const line: Record<string, unknown> = { text: c.text, ask: c.ask, date: c.date ?? "2026-12-01" };
  for (const key of ["lang", "member", "profile"] as const) if (c[key] !== undefined) line[key] = c[key];
  return JSON.stringify(line);
}

function at(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]), value);
}

function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "object" && expected !== null && !Array.isArray(expected) && "between" in expected) {
    const [low, high] = (expected as { between: [number, number] }).between;
    return typeof actual === "number" && actual >= low && actual <= high;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) return JSON.stringify([...expected].sort()) === JSON.stringify([...actual].sort());
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** What is wrong with one output, as short lines; empty when the case passes. */
export function problems(c: LabelledCase, output: Record<string, unknown>): string[] {
  if (output.error) return [`error: ${String(output.error)}`];
  const out: string[] = [];
  const profile = output.profile;
  if (output.intent !== c.intent) out.push(`intent ${String(output.intent)}, expected ${c.intent}`);
  for (const [path, expected] of Object.entries(c.sets ?? {})) {
    const actual = at(profile, path);
    if (!matches(actual, expected)) out.push(`${path} = ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  for (const path of c.notSets ?? []) {
    const actual = at(profile, path);
    const before = at(c.profile, path);
    if (actual !== undefined && actual !== null && JSON.stringify(actual) !== JSON.stringify(before)) out.push(`${path} set to ${JSON.stringify(actual)}`);
  }
  const members = (profile as { members?: unknown[] } | undefined)?.members?.length;
  if (c.members !== undefined && members !== c.members) out.push(`${members} members, expected ${c.members}`);
  if (c.term !== undefined && output.term !== c.term) out.push(`term ${String(output.term)}, expected ${c.term}`);
  if (c.client !== undefined && Boolean(output.client) !== c.client) out.push(`client ${Boolean(output.client)}, expected ${c.client}`);
  return out;
}
