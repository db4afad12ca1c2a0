// Every condition of a reviewed rule names the source it comes from, and that source is a
// document, a government page or a news report of the rule's item (never a code repository).
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { catalogue } from "../../src/catalogue/mod.js";
import { leavesOf, loadRules } from "../../src/engine/mod.js";
import { readJsonFile } from "../../src/json-file.js";
import { DATA_DIR } from "../../src/paths.js";

const { items, byId } = catalogue();
const rules = loadRules();
const aspects = new Set(readJsonFile<{ aspects: { id: string }[] }>(join(DATA_DIR, "aspects-2023.json")).aspects.map((a) => a.id));
const reviewed = items.filter((i) => i.reviewed);
const CODE_HOSTS = /^https?:\/\/(?:www\.)?(?:github\.com|gitee\.com|gitlab\.com|raw\.githubusercontent\.com)\//;

describe.each(reviewed.map((i) => [i.id, i] as const))("%s (reviewed)", (_, item) => {
  const sourceIds = new Set(item.sources.map((s) => s.id));
  const own = rules.filter((r) => r.service === item.id);

  it("records its aspect of the 2023 standard and when it was reviewed", () => {
    expect(aspects.has(item.aspect2023 ?? ""), `aspect2023 ${item.aspect2023}`).toBe(true);
    expect(item.reviewed).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
  });

  it("cites no code repository", () => {
    for (const s of item.sources) expect(CODE_HOSTS.test(s.url ?? ""), `${s.id} ${s.url}`).toBe(false);
  });

  it.each(own.map((r) => [r.name, r] as const))("rule %s cites a source of the item on every condition", (_, rule) => {
    for (const leaf of leavesOf(rule.conditions)) {
      expect(sourceIds.has(leaf.source ?? ""), `${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)}: source "${leaf.source}"`).toBe(true);
    }
    expect(rule.sources?.length, "the rule lists its sources").toBeGreaterThan(0);
    for (const id of rule.sources ?? []) expect(sourceIds.has(id), `rule source ${id}`).toBe(true);
  });

  it("ties benefits only to its own rules", () => {
    const ruleIds = new Set(own.map((r) => r.name));
    for (const b of item.benefits) for (const r of b.rules ?? []) expect(ruleIds.has(r), r).toBe(true);
  });
});

describe("the review", () => {
  it("covers every item of the catalogue", () => {
    expect(items.filter((i) => !i.reviewed).map((i) => i.id)).toEqual([]);
  });
});

describe("parameters", () => {
  it("cite a source of the item they belong to", async () => {
    const { PARAMETERS } = await import("../../src/profile/mod.js");
    for (const p of PARAMETERS.values()) {
      for (const [key, series] of Object.entries(p.values)) {
        for (const v of series) {
          const item = byId.get(v.item);
          expect(item, `${p.parameter} ${key}: item ${v.item}`).toBeDefined();
          expect(item?.sources.some((s) => s.id === v.source), `${p.parameter} ${key}: source ${v.source}`).toBe(true);
          expect(v.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });
});
