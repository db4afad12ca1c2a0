// Seeded random household profiles over the whole facts vocabulary, unknowns included.
// Numbers are drawn near the thresholds the rules test, where evaluators are most likely to differ.
import { FACTS, type FactDefinition } from "../../src/profile/facts.js";
import type { Profile } from "../../src/profile/profile.js";
import type { Ruleset } from "../../src/engine/ruleset.js";

/** mulberry32: small, fast and reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function profileGenerator(rules: Ruleset, seed: number, unknownRate = 0.3): () => Profile {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const thresholds = new Map(FACTS.filter((f) => f.type === "number").map((f) => [f.name, rules.valuesTestedFor(f.name) as number[]]));

  const value = (def: FactDefinition): unknown => {
    if (random() < unknownRate) return random() < 0.5 ? null : undefined;
    switch (def.type) {
      case "boolean":
        return random() < 0.5;
      case "enum":
        return pick(def.values ?? []);
      case "enum-list":
        return (def.values ?? []).filter(() => random() < 0.25);
      case "number": {
        const near = thresholds.get(def.name) ?? [];
        const min = def.min ?? 0;
        const max = Math.min(def.max ?? 1000, 20000);
        if (near.length > 0 && random() < 0.7) {
          const v = pick(near) + pick([-1, 0, 0, 1]);
          return Math.min(max, Math.max(min, v));
        }
        return Math.round(min + random() * (max - min));
      }
    }
  };

  const fill = (scope: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const def of FACTS.filter((f) => f.scope === scope)) {
      const v = value(def);
      if (v !== undefined) out[def.name] = v;
    }
    return out;
  };

  return () => {
    const size = 1 + Math.floor(random() * 4);
    const profile = { ...fill("profile"), household: fill("household"), members: Array.from({ length: size }, () => fill("member")) };
    return profile as unknown as Profile;
  };
}
