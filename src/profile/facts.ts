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
  /** The service whose status this fact records (dibao -> the dibao service): not its own unlock. */
  readonly recordsService?: string;
  /** Computed from other facts when a profile is screened (derived.ts); never an input. */
  readonly derived?: { readonly from: readonly string[]; readonly parameter?: string };
  /** "office": only the local office can settle it; never asked, may be given in a batch profile. */
  readonly decidedBy?: "office";
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
