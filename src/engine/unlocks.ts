// Unlocks: single-fact changes that would make more services eligible for one person
// ("with a residence permit you would also qualify for …", "at 60: …").
// Which facts may change, and how, is data: the "unlock" field in data/facts.json.
import { FACTS } from "../profile/mod.js";
import type { FactMap } from "../profile/mod.js";
import type { Outcome } from "./outcome.js";
import type { Ruleset } from "./ruleset.js";

export interface Unlock {
  readonly fact: string;
  readonly value: unknown;
  /** Rule ids. */
  readonly services: readonly string[];
}

const UNLOCKABLE = FACTS.filter((f) => f.unlock);

export function unlocksFor(ruleset: Ruleset, facts: FactMap, current: readonly Outcome[]): Unlock[] {
  const unlocks: Unlock[] = [];
  for (const def of UNLOCKABLE) {
    const now = facts[def.name];
    if (now === undefined || now === null) continue; // unknown: that is a question to ask, not an unlock
    const readers = ruleset.readers.get(def.name) ?? [];
    if (readers.length === 0) continue;
    // "If you were near-dibao" means nothing to a household on dibao.
    if (def.exclusiveWith?.some((other) => facts[other] === true)) continue;
    const already = new Set<string>();
    for (const value of candidates(def.type, def.unlock, now, ruleset.valuesTestedFor(def.name))) {
      const services = readers
        .filter((r) => current[r.index]?.status !== "eligible" && !already.has(r.id) && r.service !== def.recordsService)
        .filter((r) => ruleset.statusWith(r, facts, def.name, value) === "eligible")
        .map((r) => r.id);
      if (services.length === 0) continue;
      // For a growing fact (age), each service is listed at the first value that opens it.
      if (def.unlock === "increase") services.forEach((s) => already.add(s));
      unlocks.push({ fact: def.name, value, services });
    }
  }
  return unlocks;
}

function candidates(type: string, mode: string | undefined, now: unknown, tested: readonly unknown[]): unknown[] {
  if (type === "boolean") return [!now];
  if (mode === "increase") return tested.filter((v) => typeof v === "number" && v > (now as number));
  return tested.filter((v) => v !== now);
}
