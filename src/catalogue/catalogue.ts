// Loads the catalogue: the 10 areas and their items, in the order of data/areas.json.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "../paths.js";
import { readJsonFile } from "../json-file.js";
import type { Area, Item } from "./item.js";

export interface Catalogue {
  readonly areas: readonly Area[];
  readonly items: readonly Item[];
  readonly byId: ReadonlyMap<string, Item>;
  readonly areaById: ReadonlyMap<string, Area>;
}

export function loadCatalogue(dataDir: string = DATA_DIR): Catalogue {
  const areas = readJsonFile<Area[]>(join(dataDir, "areas.json"));
  const files = new Set(readdirSync(join(dataDir, "catalogue")).filter((f) => f.endsWith(".json")));
  const items: Item[] = [];
  for (const area of areas) {
    const file = `${area.id}.json`;
    if (!files.has(file)) continue;
    files.delete(file);
    items.push(...readJsonFile<Item[]>(join(dataDir, "catalogue", file)));
  }
  if (files.size > 0) throw new Error(`data/catalogue: files for no known area: ${[...files].join(", ")}`);
  return {
    areas,
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    areaById: new Map(areas.map((a) => [a.id, a])),
  };
}

let cached: Catalogue | undefined;

/** The shipped catalogue, loaded once per process. */
export function catalogue(): Catalogue {
  cached ??= loadCatalogue();
  return cached;
}
