// Loads data/lexicon.json: the household words the conversation recognises (data, not code,
// so Chinese and English words live outside src/).
import { join } from "node:path";
import { DATA_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";
import type { Profile } from "../profile/mod.js";

interface LexiconFile {
  readonly relations: Record<string, [string, number]>;
  readonly nobodyElse: readonly string[];
  readonly continue: readonly string[];
  readonly listAll: readonly string[];
  readonly listSeparators: readonly string[];
  readonly cities: Record<string, readonly string[]>;
  readonly valueAliases: Record<string, Record<string, readonly string[]>>;
  readonly selfWords: readonly string[];
}

const file = readJsonFile<LexiconFile>(join(DATA_DIR, "lexicon.json"));

/** Relation words, longest first so that a longer word wins over a word it contains (granddaughter over grandson in Chinese). */
export const RELATION_WORDS: readonly (readonly [string, string, number])[] = Object.entries(file.relations)
  .map(([word, [relation, count]]) => [word, relation, count] as const)
  .sort((a, b) => b[0].length - a[0].length);
export const NOBODY_ELSE: readonly string[] = file.nobodyElse;
export const CONTINUE_WORDS: readonly string[] = file.continue;
export const LIST_ALL_WORDS: readonly string[] = file.listAll;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
// Latin words separate only as whole words: "and" must not split "grandparent".
const asSeparator = (word: string) => (/^[a-z]+$/.test(word) ? `\\b${word}\\b` : escape(word));
const SEPARATOR = new RegExp(`\\s+|${[...file.listSeparators].sort((a, b) => b.length - a.length).map(asSeparator).join("|")}`, "u");

/** Splits a list answer ("1 3", "high blood pressure and diabetes") into its items. */
export function splitList(text: string): string[] {
  return text.split(SEPARATOR).map((part) => part.trim()).filter(Boolean);
}

/** The city a message names, by its Chinese name or a spelling from the lexicon. */
export function cityIn(normalized: string): string | undefined {
  for (const [city, spellings] of Object.entries(file.cities)) {
    if (normalized.includes(city) || spellings.some((s) => new RegExp(`\\b${escape(s)}\\b`).test(normalized))) return city;
  }
  return undefined;
}

/** Other words for one answer option of a fact (a province name for a hukou in another province). */
export function valueAliases(fact: string, value: string): readonly string[] {
  return file.valueAliases[fact]?.[value] ?? [];
}

/**
 * Words naming one member in a "who in the family" answer: "me" for the user, and the relation
 * words for a member whose relation no one else shares ("my wife", not "the child" of two).
 */
export function memberAliases(profile: Profile, member: number): readonly string[] {
  if (member === 0) return file.selfWords;
  const relation = profile.members[member]?.relation;
  if (!relation || profile.members.filter((m) => m.relation === relation).length > 1) return [];
  return RELATION_WORDS.filter(([, r, count]) => r === relation && count === 1).map(([word]) => word);
}
