// The labelled corpora through `npm run -s understand`, the same reading the conversation uses:
// test/fixtures/understand/ (the main corpus) and test/fixtures/understand-heldout/ (written by
// another person, on text the readers were not built from). Every case of both must pass; the
// report lists each failure. A held-out case the reading disagrees with is relabelled only with a
// "$comment" saying why (docs/understanding.md), never to make it pass.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../src/paths.js";
import { corpus, inputLine, problems, type CorpusName, type LabelledCase } from "../../helpers/understand-corpus.js";

const cases = corpus();

function runAll(list: readonly LabelledCase[]): Record<string, unknown>[] {
  const input = `${list.map(inputLine).join("\n")}\n`;
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "batch", "understand.ts")], { cwd: ROOT, input, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`understand exited ${run.status}: ${run.stderr}`);
  return run.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

function failures(list: readonly LabelledCase[]): string[] {
  const outputs = runAll(list);
  expect(outputs).toHaveLength(list.length);
  return list.flatMap((c, i) => {
    const found = problems(c, outputs[i]!);
    return found.length === 0 ? [] : [`${c.file} [${c.ask}] ${JSON.stringify(c.text)}: ${found.join("; ")}`];
  });
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
    expect(failures(cases)).toEqual([]);
  }, 180_000);
});

describe("the held-out corpus", () => {
  const name: CorpusName = "understand-heldout";
  const heldOut = corpus(name);

  it("is there, and as large as when it was handed over", () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(474);
  });

  it("is read as labelled, case by case", () => {
    expect(failures(heldOut)).toEqual([]);
  }, 180_000);
});
