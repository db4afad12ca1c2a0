// The batch command end to end: `node dist/batch/main.js --ndjson` as a caseworker runs it (process start,
// reading, validating, screening, writing compact results to a pipe), in households per second, against the
// engine's own rate (screening with reasons and unlocks, in this process).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ruleset } from "../src/engine/mod.js";
import { isDerived } from "../src/profile/mod.js";
import { ROOT } from "../src/paths.js";
import { profileGenerator } from "../test/helpers/random-profile.js";

const HOUSEHOLDS = 20_000;

export async function benchBatch(engineRate: number): Promise<void> {
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "ensure-built.mjs")], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("could not build dist/");
  const dir = mkdtempSync(join(tmpdir(), "bench-batch-"));
  try {
    const next = profileGenerator(ruleset(), 99);
    // Only input facts: the generator also draws computed ones, which the input format refuses.
    const strip = (_key: string, value: unknown) => value;
    const lines = Array.from({ length: HOUSEHOLDS }, () => JSON.stringify(next(), (key, value) => (key && isDerived(key) ? undefined : strip(key, value))));
    const file = join(dir, "caseload.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    console.log(`\nbatch command, ${HOUSEHOLDS.toLocaleString("en-US")} households, compact NDJSON to a pipe (engine alone: ${Math.round(engineRate).toLocaleString("en-US")}/s):`);
    for (const workers of [1, 2]) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [join(ROOT, "dist", "batch", "main.js"), "--ndjson", `--workers=${workers}`, file], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 20 });
      const seconds = (performance.now() - started) / 1000;
      const perSecond = HOUSEHOLDS / seconds;
      const note = run.status === 0 ? "" : `  (exit ${run.status}: ${String(run.stderr).slice(0, 120)})`;
      console.log(`  --workers=${workers}   ${Math.round(perSecond).toLocaleString("en-US").padStart(7)}/s, ${(perSecond / engineRate).toFixed(2)} of the engine's rate (target >= 0.30)${note}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
