// The facts vocabulary: every fact a rule may read, where it lives in a profile, and what values it takes.
// The list itself is data (data/facts.json) so the catalogue, the validator and the JSON Schema share one source.
import { join } from "node:path";
import { DATA_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";

export type FactScope = "profile" | "household" | "member";
export type FactType = "boolean" | "number" | "enum" | "enum-list";

/** How a fact may change in an "unlock" hint: "increase" only grows (age), "any" may take any value. */
export type UnlockMode = "increase" | "any";

export interface FactDefinition {
  readonly name: string;
  readonly scope: FactScope;
  readonly type: FactType;
  readonly values?: readonly (string | number)[];
  readonly min?: number;
  readonly max?: number;
  readonly unlock?: UnlockMode;
  /** What an answer implies besides itself, by answer: {"true": {"sex": "female"}}. */
  readonly implies?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** In a household, asked once for all the members it makes sense for ("who in the family ..."). */
  readonly askTogether?: boolean;
  /**
   * Few of the people asked can answer yes (a key entitled person): question choice counts a yes as
   * one answer in five, so likelier questions come first. Ordering only: it decides nothing.
   */
  readonly rare?: boolean;
  /** Facts that cannot be true together with this one: no unlock suggests it while one of them is true. */
  readonly exclusiveWith?: readonly string[];
  /** The service whose status this fact records (dibao -> the dibao service): not its own unlock. */
  readonly recordsService?: string;
  /** Computed from other facts when a profile is screened (derived.ts); never an input. */
  readonly derived?: { readonly from: readonly string[]; readonly parameter?: string };
  /** "office": only the local office can settle it; never asked, may be given in a batch profile. */
  readonly decidedBy?: "office";
  /** When asking makes sense for a member: an age range and a sex (unknown keeps it open). */
  readonly askWhen?: { readonly age?: readonly [number, number]; readonly sex?: string; readonly notRelation?: readonly string[] };
  /** A follow-up: asked only once `fact` has one of `values`, and then at once. */
  readonly askAfter?: { readonly fact: string; readonly values: readonly unknown[] };
  /** Never asked: read only when the user says it. */
  readonly volunteered?: boolean;
}

interface FactsFile {
  readonly cities: readonly string[];
  readonly facts: readonly FactDefinition[];
}

const file = readJsonFile<FactsFile>(join(DATA_DIR, "facts.json"));

export const FACTS: readonly FactDefinition[] = file.facts;
export const CITIES: readonly string[] = file.cities;
export const FACTS_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((f) => [f.name, f]));
/** Facts a profile may state (everything but the derived ones). */
export const INPUT_FACTS: readonly FactDefinition[] = FACTS.filter((f) => !f.derived);

export function factDefinition(name: string): FactDefinition | undefined {
  return FACTS_BY_NAME.get(name);
}

export function isDerived(name: string): boolean {
  return FACTS_BY_NAME.get(name)?.derived !== undefined;
}

export function isOfficeCheck(name: string): boolean {
  return FACTS_BY_NAME.get(name)?.decidedBy === "office";
}
