// Loads data/lexicon.json: the household words the conversation recognises (data, not code,
// so Chinese and English words live outside src/).
import { join } from "node:path";
import { DATA_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";

interface LexiconFile {
  readonly relations: Record<string, [string, number]>;
  readonly nobodyElse: readonly string[];
  readonly continue: readonly string[];
  readonly listAll: readonly string[];
}

const file = readJsonFile<LexiconFile>(join(DATA_DIR, "lexicon.json"));

/** Relation words, longest first so that 外孙女 wins over 外孙. */
export const RELATION_WORDS: readonly (readonly [string, string, number])[] = Object.entries(file.relations)
  .map(([word, [relation, count]]) => [word, relation, count] as const)
  .sort((a, b) => b[0].length - a[0].length);
export const NOBODY_ELSE: readonly string[] = file.nobodyElse;
export const CONTINUE_WORDS: readonly string[] = file.continue;
export const LIST_ALL_WORDS: readonly string[] = file.listAll;
