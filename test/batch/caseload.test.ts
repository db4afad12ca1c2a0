// Caseloads as caseworkers run them: compact NDJSON by default (no catalogue text), the texts once with
// --catalogue or per result with --full, CSV in and out (with a BOM), --lang=en, and worker threads
// giving the same output as one thread.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../src/catalogue/mod.js";
import { ruleset } from "../../src/engine/mod.js";
import { ROOT } from "../../src/paths.js";

const MAIN = join(ROOT, "src", "batch", "main.ts");

function screen(args: string[], input: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 28 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const household = { city: "济南", household: { dibao: true }, members: [{ relation: "self", age: 72, hukou: "local", disabled: true, disabilityGrade: 2 }, { relation: "child", age: 8 }] };
const rules = ruleset().rules;
const CARE = "disability-care-subsidy"; // a rule id
const careService = rules.find((r) => r.id === CARE)!.service;

describe("screen --ndjson", () => {
  it("writes a compact result per member and rule: service, rule, status, missing facts, reason keys, no texts", () => {
    const run = screen(["--ndjson", "-"], `${JSON.stringify(household)}\n`);
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as { line: number; results: Record<string, unknown>[] };
    expect(line.line).toBe(1);
    expect(line.results).toHaveLength(rules.length * 2);
    for (const r of line.results) {
      expect(Object.keys(r).every((k) => ["member", "service", "rule", "status", "missing", "reasons"].includes(k))).toBe(true);
      expect(rules.some((rule) => rule.id === r.rule && rule.service === r.service)).toBe(true);
    }
    const care = line.results.find((r) => r.member === 0 && r.rule === CARE)!;
    expect(care).toMatchObject({ status: "eligible", service: careService });
    expect((care.reasons as string[]).some((key) => key.startsWith("disabl"))).toBe(true);
    const names = catalogue().items.map((item) => item.name.zh);
    expect(names.some((name) => run.stdout.includes(name))).toBe(false);
  });

  it("gives the catalogue's texts once, as a first line, with --catalogue", () => {
    const run = screen(["--ndjson", "--catalogue", "--lang=en", "-"], `${JSON.stringify(household)}\n${JSON.stringify(household)}\n`);
    const [first, ...rest] = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(first.catalogue.lang).toBe("en");
    expect(Object.keys(first.catalogue.services)).toHaveLength(catalogue().items.length);
    expect(first.catalogue.services[careService].name).toBeTruthy();
    expect(rest).toHaveLength(2);
  });

  it("gives every result its texts with --full", () => {
    const run = screen(["--ndjson", "--full", "-"], `${JSON.stringify(household)}\n`);
    const care = JSON.parse(run.stdout).results.find((r: { member: number; rule: string }) => r.member === 0 && r.rule === CARE);
    expect(care.name).toBeTruthy();
    expect(care.rule).toBeTruthy();
    expect(care.reasons[0].text).toBeTruthy();
  });

  it("gives the same output with worker threads as on one thread, in input order", () => {
    const lines = Array.from({ length: 2600 }, (_, i) => JSON.stringify({ members: [{ relation: "self", age: i % 90, hukou: i % 2 ? "local" : "other-province" }] }));
    lines[2500] = "{broken";
    const input = `${lines.join("\n")}\n`;
    const one = screen(["--ndjson", "--workers=1", "-"], input);
    const two = screen(["--ndjson", "--workers=2", "-"], input);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout.trim().split("\n")[2500]!)).toMatchObject({ line: 2501, error: expect.stringContaining("not valid JSON") });
  }, 120_000);
});

describe("screen --csv", () => {
  const csv = "\uFEFFhousehold,relation,age,hukou,disabled,disabilityGrade,dibao,city\nh1,self,72,local,是,2,true,济南\nh1,child,8,,,,,\nh2,self,30,\"other-province\",no,,,\n";

  it("reads one row per member, writes one row per member and rule, with a BOM and the documented header", () => {
    const run = screen(["--csv", "--out=csv", "-"], csv);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("\uFEFFhousehold,line,member,relation,service,rule,status,missing,reasons,error\r\n")).toBe(true);
    const rows = run.stdout.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(rules.length * 3);
    expect(rows.some((r) => r.startsWith(`h1,2,0,self,${careService},${CARE},eligible,`))).toBe(true);
    expect(rows.some((r) => r.startsWith("h2,4,0,self,"))).toBe(true);
  });

  it("writes one row per household with the services found, with --rows household", () => {
    const run = screen(["--csv", "--out", "csv", "--rows", "household", "-"], csv);
    const rows = run.stdout.replace("\uFEFF", "").trim().split("\r\n");
    expect(rows[0]).toBe("household,line,members,eligible,unknown,error");
    expect(rows).toHaveLength(3);
    expect(rows[1]!.startsWith("h1,2,2,")).toBe(true);
    expect(rows[1]!.split(",")[3]).toContain(careService);
  });

  it("names a bad cell in its household, and exits 2", () => {
    const run = screen(["--csv", "-"], "household,age,disabled\nh1,-4,true\nh2,30,maybe\n");
    expect(run.status).toBe(2);
    const out = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out[0]).toMatchObject({ household: "h1", error: expect.stringContaining("age") });
    expect(out[1]).toMatchObject({ household: "h2", error: expect.stringContaining("disabled") });
  });

  it("refuses an unknown column with one line", () => {
    const run = screen(["--csv", "-"], "household,name\nh1,Zhang\n");
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^screen: CSV: unknown column name/);
  });
});

describe("screen's options", () => {
  it("accepts --lang=en as well as --lang en, and explains bad options in one line plus usage", () => {
    expect(screen(["--lang=en", "-"], JSON.stringify(household)).status).toBe(0);
    const bad = screen(["--lang=fr", "-"], "{}");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^screen: --lang must be zh-CN or en\nusage:/);
    expect(screen(["--nope", "-"], "{}").stderr).toMatch(/^screen: Unknown option '--nope'/);
  });
});
