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
  /** The rule's id (its file name in rules/). */
  rule: string;
  cases: RuleCase[];
}

/** Every JSON file of one fixture folder, in name order. */
function fixtureFiles<T>(folder: string): T[] {
  const dir = join(FIXTURES_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readJsonFile<T>(join(dir, f)));
}

export function ruleFixtures(): RuleFixture[] {
  return fixtureFiles<RuleFixture>("rules");
}

export function personas(): import("./simulated-user.js").Persona[] {
  return fixtureFiles("personas");
}

export interface ConversationTurn {
  user: string;
  /** The question key the bot is waiting on afterwards. */
  asks?: string;
  /** Substrings of the bot's replies. */
  says?: string[];
  notSays?: string[];
  phase?: string;
  skipped?: string;
  effects?: string[];
  /** Facts the profile must hold afterwards (partial match). */
  profile?: unknown;
  /** Dotted paths into the profile that must be unknown afterwards. */
  absent?: string[];
}

export interface ConversationFixture {
  name: string;
  lang: "zh-CN" | "en";
  turns: ConversationTurn[];
}

export function conversations(): ConversationFixture[] {
  return fixtureFiles<ConversationFixture>("conversations");
}
