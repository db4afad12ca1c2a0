// The batch command's pieces, in-process: options, CSV, households from rows, compact results and output.
import { describe, expect, it } from "vitest";
import { readArgs } from "../../src/batch/args.js";
import { householdsFromCsv } from "../../src/batch/caseload-csv.js";
import { compactReport, reasonKey } from "../../src/batch/compact.js";
import { csvRow, parseCsvLine, stripBom } from "../../src/batch/csv.js";
import { screenItem } from "../../src/batch/output.js";

async function* linesOf(text: string): AsyncGenerator<string> {
  yield* text.split("\n");
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("readArgs", () => {
  it("reads options in both spellings and defaults the rest", () => {
    expect(readArgs(["--ndjson", "--lang=en", "in.ndjson"])).toMatchObject({ file: "in.ndjson", input: "ndjson", out: "ndjson", rows: "member", lang: "en", full: false });
    expect(readArgs(["--csv", "--out", "csv", "--rows", "household", "--workers", "3", "-"])).toMatchObject({ input: "csv", out: "csv", rows: "household", workers: 3 });
  });

  it("says what is wrong in one line", () => {
    expect(readArgs([])).toBe("no FILE given");
    expect(readArgs(["a", "b"])).toMatch(/one FILE/);
    expect(readArgs(["--out=xml", "-"])).toMatch(/--out/);
    expect(readArgs(["--rows=x", "-"])).toMatch(/--rows/);
    expect(readArgs(["--workers=0", "-"])).toMatch(/--workers/);
    expect(readArgs(["--csv", "--ndjson", "-"])).toMatch(/give one/);
    expect(readArgs(["--what", "-"])).toMatch(/Unknown option/);
  });
});

describe("CSV", () => {
  it("reads quoted fields with commas and doubled quotes, and writes them back", () => {
    expect(parseCsvLine('a,"b,c","say ""hi""", d ,')).toEqual(["a", "b,c", 'say "hi"', "d", ""]);
    expect(csvRow(["a", "b,c", 'say "hi"', 3])).toBe('a,"b,c","say ""hi""",3\r\n');
    expect(() => parseCsvLine('"open')).toThrow(/not closed/);
    expect(() => parseCsvLine('"a"b')).toThrow(/after a closing quote/);
    expect(stripBom("\uFEFFx")).toBe("x");
  });

  it("groups consecutive rows of one household into a profile, household facts from its first row", async () => {
    const households = await collect(householdsFromCsv(linesOf("household,relation,age,dibao,conditions\nh1,self,70,1,diabetes|hypertension\nh1,spouse,68,,\n\nh2,self,40,否,\n")));
    expect(households.map((h) => [h.id, h.line])).toEqual([["h1", 2], ["h2", 5]]);
    expect(JSON.parse(households[0]!.profile as string)).toEqual({ household: { dibao: true }, members: [{ relation: "self", age: 70, conditions: ["diabetes", "hypertension"] }, { relation: "spouse", age: 68 }] });
    expect(JSON.parse(households[1]!.profile as string)).toEqual({ household: { dibao: false }, members: [{ relation: "self", age: 40 }] });
  });

  it("reports a bad row or cell as that household's error, and a bad header as an error of the file", async () => {
    const bad = await collect(householdsFromCsv(linesOf('household,disabled\nh1,perhaps\nh2,"x\n')));
    expect(bad[0]!.profile).toEqual({ error: expect.stringContaining("disabled: must be true or false") });
    expect(bad[1]!.profile).toEqual({ error: expect.stringContaining("not closed") });
    await expect(collect(householdsFromCsv(linesOf("relation,age\nself,3\n")))).rejects.toThrow(/no household column/);
  });
});

describe("compact results", () => {
  it("name the rule and the service, leave out empty lists, and give reasons as short keys", () => {
    const report = compactReport({ members: [{ relation: "self", age: 72, hukou: "local" }] });
    expect(report.results.every((r) => r.rule && r.service && r.status)).toBe(true);
    expect(report.results.some((r) => r.missing === undefined && r.reasons === undefined)).toBe(true);
    expect(reasonKey({ fact: "age", operator: "greaterThanInclusive", value: 60, actual: 72, holds: true })).toBe("age>=60");
    expect(reasonKey({ fact: "hukou", operator: "in", value: ["local", "shandong"], actual: "x", holds: false })).toBe("!hukou in local|shandong");
  });

  it("become one NDJSON line, CSV rows, or an error line", () => {
    const options = { out: "ndjson", rows: "member", full: false, lang: "zh-CN" } as const;
    const profile = JSON.stringify({ members: [{ relation: "self", age: 30 }] });
    expect(JSON.parse(screenItem({ line: 4, profile }, options).text)).toMatchObject({ line: 4, results: expect.any(Array) });
    expect(screenItem({ line: 5, profile: "{" }, options)).toMatchObject({ ok: false });
    const rows = screenItem({ line: 6, id: "h9", profile }, { ...options, out: "csv" }).text.trim().split("\r\n");
    expect(rows[0]!.startsWith("h9,6,0,self,")).toBe(true);
    const error = screenItem({ line: 7, id: "h10", profile: { error: "bad" } }, { ...options, out: "csv", rows: "household" }).text;
    expect(error).toBe("h10,7,,,,bad\r\n");
  });
});
