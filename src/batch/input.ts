// Reading profiles from a file or standard input, whole or one per line (NDJSON).
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { validateProfile, type Profile } from "../profile/mod.js";

export type Parsed = { ok: true; profile: Profile } | { ok: false; error: string };

/** Parses and validates one JSON document; any problem becomes a one-line message. */
export function parseProfile(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `input: not valid JSON (${(err as Error).message})` };
  }
  return validateProfile(value);
}

export function readWhole(file: string): string {
  return readFileSync(file === "-" ? 0 : file, "utf8");
}

/** Lines as they arrive, so a caseload of any size streams through in constant memory. */
export function readLines(file: string): AsyncIterable<string> {
  const input = file === "-" ? process.stdin : createReadStream(file, "utf8");
  return createInterface({ input, crlfDelay: Infinity });
}
