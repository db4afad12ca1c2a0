// The batch command as a caseworker uses it: files and standard input, whole or NDJSON,
// and bad input answered with exit status 2 and one line naming the field.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/paths.js";
import { loadRules } from "../../src/engine/mod.js";

const MAIN = join(ROOT, "src", "batch", "main.ts");

function screen(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const household = {
  city: "济南",
  household: { dibao: true },
  members: [
    { relation: "self", age: 72, hukou: "local", disabled: true, disabilityGrade: 2 },
    { relation: "child", age: 8, school: "primary" },
  ],
};

describe("npm run screen", () => {
  it("answers for every member and every service, with reasons, apply and sources", () => {
    const run = screen(["-"], JSON.stringify(household));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    // One result per member and rule: an item may have several rules (the two disability subsidies).
    expect(doc.results).toHaveLength(loadRules().length * 2);
    const care = doc.results.find((r: { member: number; rule: string }) => r.member === 0 && r.rule === "disability-care-subsidy");
    expect(care).toMatchObject({ status: "eligible", name: "重度残疾人护理补贴", area: "残疾人服务", missing: [] });
    expect(care.reasons.map((r: { text: string }) => r.text).join()).toContain("持有残疾人证");
    expect(care.apply.where).toBeTruthy();
    expect(care.sources.length).toBeGreaterThan(0);
    for (const r of doc.results) expect(["eligible", "ineligible", "unknown"]).toContain(r.status);
    expect(Array.isArray(doc.unlocks)).toBe(true);
  });

  it("reports unknown facts as missing, never as ineligible", () => {
    const doc = JSON.parse(screen(["-"], JSON.stringify({ members: [{ relation: "self" }] })).stdout);
    const elderly = doc.results.find((r: { service: string }) => r.service === "health-elderly");
    expect(elderly).toMatchObject({ status: "unknown", missing: ["age"] });
  });

  it("streams NDJSON, one result line per profile, and an error line for a bad one", () => {
    const lines = [JSON.stringify(household), "{not json", JSON.stringify({ members: [{ age: -1 }] }), "", JSON.stringify({ members: [{ age: 30 }] })].join("\n");
    const run = screen(["--ndjson", "-"], lines);
    const out = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].results.length).toBeGreaterThan(0);
    expect(out[1]).toMatchObject({ line: 2 });
    expect(out[1].error).toContain("not valid JSON");
    expect(out[2]).toEqual({ line: 3, error: "members[0].age: must be at least 0, got -1" });
    expect(out[3].results.length).toBeGreaterThan(0);
    expect(run.status).toBe(2);
  });

  it.each([
    ["not JSON", "{", "input: not valid JSON"],
    ["a wrong type", JSON.stringify({ members: [{ age: "old" }] }), "members[0].age: must be a number"],
    ["an unknown value", JSON.stringify({ members: [{ hukou: "mars" }] }), "members[0].hukou: must be one of"],
    ["an empty members list", JSON.stringify({ members: [] }), "members: must list at least one person"],
    ["a negative age", JSON.stringify({ members: [{ age: -5 }] }), "members[0].age: must be at least 0"],
    ["grade 7", JSON.stringify({ members: [{ disabilityGrade: 7 }] }), "members[0].disabilityGrade: must be one of"],
  ])("rejects %s with exit 2 and one line", (_, input, message) => {
    const run = screen(["-"], input);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it("names a missing file without a stack trace", () => {
    const run = screen(["/nonexistent/profile.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("screen: cannot read /nonexistent/profile.json: no such file");
  });

  it("gives reasons in English with --lang en", () => {
    const doc = JSON.parse(screen(["-", "--lang", "en"], JSON.stringify(household)).stdout);
    const care = doc.results.find((r: { member: number; rule: string }) => r.member === 0 && r.rule === "disability-care-subsidy");
    expect(care.reasons.map((r: { text: string }) => r.text).join()).toContain("Holds a disability certificate");
  });
});
