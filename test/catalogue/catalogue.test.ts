// The catalogue is the product's ground truth: every item is sourced, named in both languages,
// and has exactly one rule; every rule reads only facts of the vocabulary, with values it allows.
import { describe, expect, it } from "vitest";
import { catalogue } from "../../src/catalogue/mod.js";
import { FACTS_BY_NAME } from "../../src/profile/facts.js";
import { leavesOf, loadRules, OPERATORS } from "../../src/engine/mod.js";
import { isFactRef, type Condition } from "../../src/engine/rule.js";
import { readdirSync } from "node:fs";
import { RULES_DIR } from "../../src/paths.js";

const { items, areas } = catalogue();
const rules = loadRules();
const NUMERIC = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);
const bilingual = (t: { zh?: string; en?: string } | null | undefined) => Boolean(t?.zh?.trim() && t?.en?.trim());

describe("catalogue", () => {
  it("covers all 10 areas of the Shandong list", () => {
    expect(areas.map((a) => a.id)).toHaveLength(10);
    for (const area of areas) expect(items.filter((i) => i.area === area.id).length, area.id).toBeGreaterThan(0);
  });

  it("has unique ids in known areas", () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const known = new Set(areas.map((a) => a.id));
    for (const item of items) expect(known.has(item.area), item.id).toBe(true);
  });

  it.each(items.map((i) => [i.id, i] as const))("%s is named, described and sourced in both languages", (_, item) => {
    expect(bilingual(item.name)).toBe(true);
    expect(bilingual(item.summary)).toBe(true);
    expect(bilingual(item.audience)).toBe(true);
    expect(item.sources.length).toBeGreaterThan(0);
    for (const s of item.sources) {
      expect(s.id && s.title && s.year, JSON.stringify(s)).toBeTruthy();
      expect(Boolean(s.url || s.section), `source ${s.id} needs a URL or a plan section`).toBe(true);
      if (s.mirror !== undefined) expect(s.mirror && Boolean(s.url), `source ${s.id}: mirror is true and needs the URL it was read at`).toBe(true);
    }
    expect(["person", "household"]).toContain(item.scope);
    expect(typeof item.universal).toBe("boolean");
    expect(item.derivation).toBeTruthy();
    expect(item.apply.where === null || bilingual(item.apply.where)).toBe(true);
    expect(Array.isArray(item.apply.hotlines) && Array.isArray(item.apply.documents)).toBe(true);
  });

  it.each(items.map((i) => [i.id, i] as const))("%s gives every amount a year, scope and source", (_, item) => {
    const sourceIds = new Set(item.sources.map((s) => s.id));
    for (const b of item.benefits) {
      expect(bilingual(b.text)).toBe(true);
      if (!b.amount) continue;
      expect(b.amount.year).toBeTruthy();
      expect(b.amount.scope).toMatch(/^(national|province|province-average|city:.+)$/);
      expect(sourceIds.has(b.amount.source), `amount source ${b.amount.source}`).toBe(true);
    }
    // An item that states no amount says who sets it (or gives something with no money value).
    if (!item.benefits.some((b) => b.amount) && item.amountNote) expect(bilingual(item.amountNote)).toBe(true);
  });
});

describe("rules", () => {
  it("gives every item at least one rule, and every rule an item", () => {
    const served = new Set(rules.map((r) => r.service));
    for (const item of items) expect(served.has(item.id), `${item.id} has no rule`).toBe(true);
    const ids = new Set(items.map((i) => i.id));
    for (const r of rules) {
      expect(ids.has(r.service), `${r.name} belongs to no item`).toBe(true);
      expect(r.event?.type).toBeTruthy();
      expect(r.citation, r.name).toBeTruthy();
    }
  });

  it("names each rule after its file, and titles the rules of an item that has several", () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith(".json")).sort();
    expect(rules.map((r) => `${r.name}.json`)).toEqual(files);
    for (const r of rules) {
      const siblings = rules.filter((x) => x.service === r.service);
      if (siblings.length > 1) expect(bilingual(r.title), `${r.name} needs a title: its item has ${siblings.length} rules`).toBe(true);
    }
  });

  it.each(rules.map((r) => [r.name, r] as const))("%s reads only vocabulary facts with values they allow", (_, rule) => {
    const item = items.find((i) => i.id === rule.service);
    for (const leaf of leavesOf(rule.conditions)) {
      const def = FACTS_BY_NAME.get(leaf.fact);
      expect(def, `unknown fact ${leaf.fact}`).toBeDefined();
      if (!def) continue;
      expect(OPERATORS).toContain(leaf.operator);
      if (item?.scope === "household") expect(def.scope, `${leaf.fact} in a household rule`).not.toBe("member");
      if (isFactRef(leaf.value)) {
        const other = FACTS_BY_NAME.get(leaf.value.fact);
        expect(other?.type, `${leaf.fact} compared with ${leaf.value.fact}`).toBe("number");
        expect(NUMERIC.has(leaf.operator), `${leaf.fact} compared with a fact needs a numeric operator`).toBe(true);
        continue;
      }
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      for (const v of values) {
        if (NUMERIC.has(leaf.operator)) expect(typeof v, `${leaf.fact} ${leaf.operator}`).toBe("number");
        else if (def.type === "boolean") expect(typeof v).toBe("boolean");
        else if (def.values) expect(def.values, `${leaf.fact}`).toContain(v);
        else expect(typeof v).toBe("number");
      }
      if (leaf.operator === "contains" || leaf.operator === "doesNotContain") expect(def.type).toBe("enum-list");
      if (def.type === "enum-list") expect(["contains", "doesNotContain"]).toContain(leaf.operator);
      if (leaf.operator === "in" || leaf.operator === "notIn") expect(Array.isArray(leaf.value)).toBe(true);
    }
    expect(hasEmptyAny(rule.conditions)).toBe(false);
  });
});

function hasEmptyAny(c: Condition): boolean {
  if ("any" in c) return c.any.length === 0 || c.any.some(hasEmptyAny);
  if ("all" in c) return c.all.some(hasEmptyAny);
  if ("not" in c) return hasEmptyAny(c.not);
  return false;
}
