// A caseload as CSV: one row per member, consecutive rows with the same `household` id are one household.
// Columns are fact names (docs/profile.md); household facts and `city` are read from the household's first
// row that has them. Values: numbers as digits, yes/no as true/false (1/0, yes/no, and the Chinese shi/fou),
// lists joined with |.
// An empty cell is unknown. Rows become profiles, which then go through the same validation as JSON.
import { FACTS, factDefinition, type FactDefinition } from "../profile/mod.js";
import { parseCsvLine, stripBom } from "./csv.js";

export interface CsvHousehold {
  /** The household id from the file, echoed in the output. */
  readonly id: string;
  /** The first line of the household's rows, for error messages. */
  readonly line: number;
  /** The profile as JSON text, or the reason it could not be built. */
  readonly profile: string | { readonly error: string };
}

/** Turns lines of CSV into households, one as soon as its last row has been read. */
export async function* householdsFromCsv(lines: AsyncIterable<string>): AsyncGenerator<CsvHousehold> {
  let header: string[] | undefined;
  let current: { id: string; line: number; rows: Record<string, string>[] } | undefined;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? stripBom(raw) : raw;
    if (line.trim() === "") continue;
    if (!header) {
      header = parseCsvLine(line);
      const unknown = header.filter((c) => c !== "household" && !factDefinition(c));
      if (!header.includes("household")) throw new Error("CSV: the header has no household column");
      if (unknown.length > 0) throw new Error(`CSV: unknown column ${unknown[0]} (columns are fact names, see docs/profile.md)`);
      continue;
    }
    let cells: string[];
    try {
      cells = parseCsvLine(line);
    } catch (err) {
      if (current) yield finish(current);
      current = undefined;
      yield { id: "", line: lineNo, profile: { error: `line ${lineNo}: ${(err as Error).message}` } };
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
    const id = row.household ?? "";
    if (current && current.id !== id) {
      yield finish(current);
      current = undefined;
    }
    current ??= { id, line: lineNo, rows: [] };
    current.rows.push(row);
  }
  if (current) yield finish(current);
}

function finish({ id, line, rows }: { id: string; line: number; rows: Record<string, string>[] }): CsvHousehold {
  try {
    const profile: { city?: unknown; household: Record<string, unknown>; members: Record<string, unknown>[] } = { household: {}, members: [] };
    for (const row of rows) {
      const member: Record<string, unknown> = {};
      for (const [name, cell] of Object.entries(row)) {
        const def = factDefinition(name);
        if (!def || cell === "") continue;
        const value = cellValue(def, cell);
        if (def.scope === "member") member[name] = value;
        else if (def.scope === "household") profile.household[name] ??= value;
        else profile.city ??= value;
      }
      profile.members.push(member);
    }
    return { id, line, profile: JSON.stringify(profile) };
  } catch (err) {
    return { id, line, profile: { error: `household ${id} (line ${line}): ${(err as Error).message}` } };
  }
}

// "\u662f" and "\u5426" are the Chinese yes and no a spreadsheet typed in Chinese may hold.
const TRUE = new Set(["true", "1", "yes", "\u662f"]);
const FALSE = new Set(["false", "0", "no", "\u5426"]);

function cellValue(def: FactDefinition, cell: string): unknown {
  switch (def.type) {
    case "boolean":
      if (TRUE.has(cell.toLowerCase())) return true;
      if (FALSE.has(cell.toLowerCase())) return false;
      throw new Error(`${def.name}: must be true or false, got "${cell}"`);
    case "number":
      return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    case "enum":
      return typeof def.values?.[0] === "number" && /^\d+$/.test(cell) ? Number(cell) : cell;
    case "enum-list":
      return cell.split("|").map((v) => v.trim()).filter(Boolean);
  }
}

/** The columns a caseload CSV may have, in a readable order: the household id, then every fact. */
export const CSV_COLUMNS: readonly string[] = ["household", ...FACTS.map((f) => f.name)];
