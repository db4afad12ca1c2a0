import { readFileSync } from "node:fs";

/** Reads a JSON file the project ships; a broken file is a bug in the project, so the error names the file. */
export function readJsonFile<T>(path: string): T {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
}
