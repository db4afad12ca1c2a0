// The caseworker's exports of one screening: Markdown to read, JSON to process.
import { describe, expect, it } from "vitest";
import { exportFormatFor, exportScreening } from "../../src/report/mod.js";

const profile = { city: "济南", household: { dibao: true }, members: [{ relation: "self" as const, age: 72, hukou: "local" as const }] };

describe("exports", () => {
  it("picks the format from the file name", () => {
    expect([exportFormatFor("a.md"), exportFormatFor("a.JSON"), exportFormatFor("a.txt")]).toEqual(["markdown", "json", undefined]);
  });

  it("writes Markdown with the answers, results by status and sources", () => {
    const md = exportScreening(profile, "en", "markdown", new Date("2026-12-01T00:00:00Z"));
    expect(md).toContain("2026-12-01T00:00:00.000Z");
    expect(md).toMatch(/^# /);
    expect(md).toContain("72");
  });

  it("writes JSON with the answers and every result", () => {
    const doc = JSON.parse(exportScreening(profile, "zh-CN", "json", new Date(0)));
    expect(doc.answers).toEqual(profile);
    expect(doc.results.length).toBeGreaterThan(50);
    expect(doc.results[0]).toHaveProperty("rule");
  });
});
