// Dated numbers the rules compare against (data/parameters/*.json), kept apart from the rules
// as OpenFisca keeps its parameters: each value has the date it applies from and a source of
// the catalogue item it belongs to. The newest value applies.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";

export interface DatedValue {
  readonly from: string;
  readonly value: number;
  /** The catalogue item whose sources hold this figure, and the id of that source. */
  readonly item: string;
  readonly source: string;
}

export interface Parameter {
  readonly parameter: string;
  readonly unit: string;
  /** Key (a city) -> values, oldest first. */
  readonly values: Readonly<Record<string, readonly DatedValue[]>>;
}

const DIR = join(DATA_DIR, "parameters");

export const PARAMETERS: ReadonlyMap<string, Parameter> = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readJsonFile<Parameter>(join(DIR, f)))
    .map((p) => [p.parameter, p]),
);

/** The newest value of a parameter for a key, or undefined where none is published. */
export function currentValue(parameter: string, key: string): DatedValue | undefined {
  const series = PARAMETERS.get(parameter)?.values[key];
  if (!series || series.length === 0) return undefined;
  return series.reduce((newest, v) => (v.from > newest.from ? v : newest));
}

/** Every value a parameter currently takes, for question selection's thresholds. */
export function currentValues(parameter: string): number[] {
  const p = PARAMETERS.get(parameter);
  if (!p) return [];
  return Object.keys(p.values).flatMap((key) => currentValue(parameter, key)?.value ?? []);
}
