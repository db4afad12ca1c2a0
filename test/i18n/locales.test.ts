// Chinese and English stay in step, and no user-facing Chinese hides in code:
// every string a user reads comes from locales/ or data/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR, ROOT } from "../../src/paths.js";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const load = (lang: string) => JSON.parse(readFileSync(join(LOCALES_DIR, lang, "translation.json"), "utf8"));

describe("locales", () => {
  it("zh-CN and en have exactly the same keys", () => {
    const zh = keys(load("zh-CN")).sort();
    const en = keys(load("en")).sort();
    expect(zh.filter((k) => !en.includes(k)), "missing in en").toEqual([]);
    expect(en.filter((k) => !zh.includes(k)), "missing in zh-CN").toEqual([]);
  });

  it("has no empty translation", () => {
    for (const lang of ["zh-CN", "en"]) {
      const flat = keys(load(lang));
      const table = load(lang);
      // Units may be empty on purpose ("65" needs no unit in English).
      for (const key of flat.filter((k) => !k.endsWith(".unit"))) {
        const value = key.split(".").reduce((v: Record<string, unknown>, k) => v[k] as Record<string, unknown>, table);
        expect(String(value).trim(), `${lang}:${key}`).not.toBe("");
      }
    }
  });

  it("has no Chinese in the English file's prose, except quoted official names", () => {
    const text = JSON.stringify(load("en"));
    // Official terms may be quoted in brackets, e.g. "residence permit (居住证)"; no longer runs.
    expect(text.match(/[\u4e00-\u9fff]{6,}/g) ?? []).toEqual([]);
  });
});

describe("source code", () => {
  const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]/u;
  const sources = filesUnder(join(ROOT, "src")).filter((f) => f.endsWith(".ts"));

  it.each(sources.map((f) => [f.slice(ROOT.length + 1), f] as const))("%s holds no Chinese literal", (_, file) => {
    const offending = readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => `${i + 1}: ${line.trim()}`)
      .filter((line) => HAN.test(line));
    expect(offending).toEqual([]);
  });
});
