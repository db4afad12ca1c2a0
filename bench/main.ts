// `npm run bench`: in one run, on this machine,
//   1. the engine: json-rules-engine and the fast path on the same households, each on one JavaScript
//      thread, measured on households neither has seen (the warm-up uses other ones);
//   2. the batch command end to end (a process reading NDJSON, writing compact results) against the engine alone;
//   3. the conversation: questions per persona and time per turn;
//   4. the web chat: answered turns per second and p99 against a bare node:http server, per store and size.
// Not pinned with taskset: V8's GC helper threads would then share that core with the main thread.
import { ReferenceEvaluator, reasonText, ruleset, screenHousehold } from "../src/engine/mod.js";
import { translator } from "../src/i18n/mod.js";
import { factsFor, type Profile } from "../src/profile/mod.js";
import { profileGenerator } from "../test/helpers/random-profile.js";
import { benchBatch } from "./batch.js";
import { benchDialogue } from "./dialogue.js";
import { benchWeb } from "./web.js";

const rules = ruleset();
const households = (seed: number, n: number): Profile[] => Array.from({ length: n }, profileGenerator(rules, seed));
/** Warm-up households, and the households measured, which the warm-up never saw. */
const warmUp = households(8, 2000);
const unseen = households(7, 2000);
const members = unseen.reduce((n, p) => n + p.members.length, 0);

function rate(count: number, ms: number): number {
  return (count / ms) * 1000;
}

async function referenceRate(): Promise<number> {
  const reference = new ReferenceEvaluator(rules.rules.map((r) => r.file));
  for (const p of warmUp.slice(0, 50)) await reference.evaluate(factsFor(p, 0));
  const sample = unseen.slice(0, 300);
  const start = performance.now();
  for (const p of sample) for (let m = 0; m < p.members.length; m++) await reference.evaluate(factsFor(p, m));
  return rate(sample.length, performance.now() - start);
}

function fastRate(withUnlocks: boolean, withText: boolean): number {
  const t = translator("zh-CN");
  const run = (list: readonly Profile[]) => {
    for (const p of list) {
      for (const s of screenHousehold(rules, p, { unlocks: withUnlocks })) {
        if (withText) for (const o of s.outcomes) for (const r of o.reasons) reasonText(t, r);
      }
    }
  };
  run(warmUp);
  const start = performance.now();
  run(unseen);
  return rate(unseen.length, performance.now() - start);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const ref = await referenceRate();
const fast = fastRate(false, false);
const fastUnlocks = fastRate(true, false);
const fastText = fastRate(true, true);

console.log(`ruleset: ${rules.rules.length} rules; ${unseen.length} random households not seen in the warm-up, ${(members / unseen.length).toFixed(2)} members on average, 30% of facts unknown`);
console.log(`household profiles per second (one process, one thread, Node ${process.versions.node}):`);
console.log(`  json-rules-engine (reference), reasons           ${fmt(ref).padStart(10)}`);
console.log(`  fast path, reasons                               ${fmt(fast).padStart(10)}   ${(fast / ref).toFixed(0)}x the reference (target >= 50x, >= 20,000/s)`);
console.log(`  fast path, reasons + unlocks                     ${fmt(fastUnlocks).padStart(10)}`);
console.log(`  fast path, reasons + unlocks + text in Chinese   ${fmt(fastText).padStart(10)}`);

await benchBatch(fastUnlocks);
await benchDialogue();
await benchWeb();
