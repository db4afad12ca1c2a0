// The caseworker's exports of one screening: the handout as a printable page or Markdown, the
// full record as JSON to process.
import { describe, expect, it } from "vitest";
import { exportFormatFor, exportScreening } from "../../src/report/mod.js";

const profile = { city: "济南", household: { dibao: true }, members: [{ relation: "self" as const, age: 72, hukou: "local" as const }] };
const when = new Date("2026-12-01T00:00:00Z");

describe("exports", () => {
  it("picks the format from the file name", () => {
    expect([exportFormatFor("a.html"), exportFormatFor("a.md"), exportFormatFor("a.JSON"), exportFormatFor("a.txt")]).toEqual(["html", "markdown", "json", undefined]);
  });

  it("writes the handout in Markdown: dated, each service found with where to go and its sources", () => {
    const md = exportScreening(profile, "en", "markdown", when);
    expect(md).toMatch(/^# Shandong basic public services: one-time notice/);
    expect(md).toContain("Date: 2026-12-01");
    expect(md).toContain("### Minimum living allowance (dibao)");
    expect(md).toMatch(/济南.*\b20\d\d\b|20\d\d.*济南/);
    expect(md).toMatch(/Sources: .+/);
    expect(md).toContain("12345");
  });

  it("writes the handout as a page with the city's figure, tel: links and nothing unescaped", () => {
    const html = exportScreening(profile, "zh-CN", "html", when);
    expect(html).toContain("最低生活保障");
    expect(html).toMatch(/济南市标准/);
    expect(html).toContain('<a href="tel:12345">12345</a>');
    expect(html).not.toMatch(/<script/i);
  });

  it("writes JSON with the answers and every result", () => {
    const doc = JSON.parse(exportScreening(profile, "zh-CN", "json", new Date(0)));
    expect(doc.answers).toEqual(profile);
    expect(doc.results.length).toBeGreaterThan(50);
    expect(doc.results[0]).toHaveProperty("rule");
  });
});
