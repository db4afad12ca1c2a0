// Reads the data-driven fixtures of test/fixtures.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../src/paths.js";
import { readJsonFile } from "../../src/json-file.js";
import type { Status } from "../../src/engine/outcome.js";

export const FIXTURES_DIR = join(ROOT, "test", "fixtures");

export interface RuleCase {
  name: string;
  member?: number;
  profile: unknown;
  status: Status;
  missing?: string[];
}

export interface RuleFixture {
  service: string;
  cases: RuleCase[];
}

export function ruleFixtures(): RuleFixture[] {
  const dir = join(FIXTURES_DIR, "rules");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readJsonFile<RuleFixture>(join(dir, f)));
}
