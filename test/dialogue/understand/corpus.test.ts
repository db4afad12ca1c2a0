// The labelled corpus (test/fixtures/understand/) through `npm run -s understand`, the same
// reading the conversation uses. Every case must pass; the report lists each failure.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../src/paths.js";
import { corpus, inputLine, problems } from "../../helpers/understand-corpus.js";

const cases = corpus();

function runAll(): Record<string, unknown>[] {
  const input = `${cases.map(inputLine).join("\n")}\n`;
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "batch", "understand.ts")], { cwd: ROOT, input, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`understand exited ${run.status}: ${run.stderr}`);
  return run.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the understanding corpus", () => {
  it("has at least 400 cases, covering the core questions", () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    for (const ask of ["age", "hukou", "residencePermit", "disabled", "assistance", "incomePerPersonMonthly", "members", "opening"]) {
      expect(cases.filter((c) => c.ask === ask).length, ask).toBeGreaterThanOrEqual(20);
    }
    expect(cases.filter((c) => (c.notSets ?? []).length > 0).length).toBeGreaterThanOrEqual(60);
  });

  it("is read as labelled, case by case", () => {
    const outputs = runAll();
    expect(outputs).toHaveLength(cases.length);
    const failures = cases.flatMap((c, i) => {
      const found = problems(c, outputs[i]!);
      return found.length === 0 ? [] : [`${c.file} [${c.ask}] ${JSON.stringify(c.text)}: ${found.join("; ")}`];
    });
    expect(failures).toEqual([]);
  }, 180_000);
});
