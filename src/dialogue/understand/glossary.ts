/**
 * The glossary (data/glossary.json): plain-words explanations of the terms the questions use,
 * and the words people name them by.
 */
import { join } from "node:path";
import { DATA_DIR } from "../../paths.js";
import { readJsonFile } from "../../json-file.js";
import { WordFinder } from "./words.js";

export interface GlossaryTerm {
  readonly id: string;
  readonly facts: readonly string[];
  readonly words: readonly string[];
  readonly text: { readonly zh: string; readonly en: string };
}

export const GLOSSARY: readonly GlossaryTerm[] = readJsonFile<{ terms: GlossaryTerm[] }>(join(DATA_DIR, "glossary.json")).terms;
const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));
export const TERM_WORDS = new WordFinder(GLOSSARY.flatMap((t) => t.words.map((w) => [w, t.id] as const)));

export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return BY_ID.get(id);
}

/** The entry about a fact the bot asks (for "what does that mean?" while asking about dibao). */
export function termForFact(fact: string): GlossaryTerm | undefined {
  return GLOSSARY.find((t) => t.facts.includes(fact));
}
