// `npm run bench`: json-rules-engine and the fast path side by side, in one run, on the same profiles,
// each on the one JavaScript thread. Not pinned with taskset: V8's GC helper threads would then
// share that core with the main thread and stall single turns for milliseconds.
import { ReferenceEvaluator, ruleset, screenHousehold } from "../src/engine/mod.js";
import { reasonText } from "../src/engine/explain.js";
import { translator } from "../src/i18n/mod.js";
import { factsFor, type Profile } from "../src/profile/mod.js";
import { profileGenerator } from "../test/helpers/random-profile.js";
import { benchDialogue } from "./dialogue.js";

const rules = ruleset();
const next = profileGenerator(rules, 7);
const profiles: Profile[] = Array.from({ length: 2000 }, next);
const members = profiles.reduce((n, p) => n + p.members.length, 0);

function rate(count: number, ms: number): number {
  return (count / ms) * 1000;
}

async function referenceRate(): Promise<number> {
  const reference = new ReferenceEvaluator(rules.rules.map((r) => r.file));
  const sample = profiles.slice(0, 300);
  for (const p of sample.slice(0, 20)) await reference.evaluate(factsFor(p, 0)); // warm-up
  const start = performance.now();
  for (const p of sample) for (let m = 0; m < p.members.length; m++) await reference.evaluate(factsFor(p, m));
  return rate(sample.length, performance.now() - start);
}

function fastRate(withUnlocks: boolean, withText: boolean): number {
  const t = translator("zh-CN");
  const run = () => {
    for (const p of profiles) {
      for (const s of screenHousehold(rules, p, { unlocks: withUnlocks })) {
        if (withText) for (const o of s.outcomes) for (const r of o.reasons) reasonText(t, r);
      }
    }
  };
  run(); // warm-up
  const rounds = 3;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return rate(profiles.length * rounds, performance.now() - start);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const ref = await referenceRate();
const fast = fastRate(false, false);
const fastUnlocks = fastRate(true, false);
const fastText = fastRate(true, true);

console.log(`ruleset: ${rules.rules.length} rules; ${profiles.length} random households, ${(members / profiles.length).toFixed(2)} members on average, 30% of facts unknown`);
console.log("household profiles per second (one process, one thread):");
console.log(`  json-rules-engine (reference), reasons           ${fmt(ref).padStart(10)}`);
console.log(`  fast path, reasons                               ${fmt(fast).padStart(10)}   ${(fast / ref).toFixed(0)}x the reference (target >= 50x, >= 20,000/s)`);
console.log(`  fast path, reasons + unlocks                     ${fmt(fastUnlocks).padStart(10)}`);
console.log(`  fast path, reasons + unlocks + text in Chinese   ${fmt(fastText).padStart(10)}`);

await benchDialogue();
