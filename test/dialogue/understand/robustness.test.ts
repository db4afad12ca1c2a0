import { describe, it, expect } from "vitest";
import * as understand from "../../../src/dialogue/understand/mod.js";
import { seededRandom as prng } from "../../helpers/random-profile.js";

const POOLS: readonly (readonly string[])[] = [
  [..."零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"],
  [..."年月岁元块个半多以上不到没有是否对级改其实收入户口居住证残疾低保第选项"],
  [..."0123456789.,-/+%kKwW"],
  [..."abcdefghijklmnopqrstuvwxyz ABCXYZ'"],
  [..."０１２３４５６７８９ＡＢＣ，。？！：（）【】"],
  ["😀", "👍", "❌", "✓", "✗", "👨‍👩‍👧", "🇨🇳", "②", "❷", "⓾", "﷽", "\u0301"],
  ["\u0000", "\u0007", "\u001b", "\t", "\n", "\r", "\u200b", "\u200d", "\ufeff", "\u2028", "\u3000", "\u007f"],
  ["\ud800", "\udfff", "\ud83d"], // lone surrogates
  ["年龄", "改成", "actually", "years", "months", "income", "grade", "a year", "and a half", "constructor", "__proto__"],
];

function randomString(rand: () => number): string {
  const r = rand();
  if (r < 0.02) return "";
  const long = r < 0.06;
  const len = long ? 10_000 : Math.floor(rand() * (rand() < 0.8 ? 24 : 400));
  const parts: string[] = [];
  let size = 0;
  while (size < len) {
    const pool = POOLS[Math.floor(rand() * POOLS.length)]!;
    const piece = pool[Math.floor(rand() * pool.length)]!;
    // Long lines are often one repeated piece, the worst case for regexes.
    const repeat = long && rand() < 0.3 ? 50 : 1;
    const chunk = piece.repeat(repeat);
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("");
}

const OPTIONS = [
  { label: "农业户口", value: 1 },
  { label: "非农业户口", value: 2, aliases: ["城镇"] },
  { label: "Yes", value: 3 },
];

/** Hand-picked worst cases on top of the random ones. */
const ADVERSARIAL = [
  "1".repeat(10_000), "一".repeat(10_000), "十".repeat(10_000), "点".repeat(10_000), "万".repeat(10_000),
  "3k".repeat(5_000), "1,".repeat(5_000), "1.".repeat(5_000), "a".repeat(10_000) + "!", "对".repeat(10_000),
  "是 ".repeat(5_000), "年".repeat(10_000), "1年".repeat(5_000), "😀".repeat(5_000), "\u0000".repeat(10_000),
  "\ud800".repeat(10_000), " ".repeat(10_000), "?".repeat(10_000), "/".repeat(10_000), "岁".repeat(10_000),
];

type Check = (s: string) => unknown;
const isNumOrUndef = (v: unknown) => v === undefined || (typeof v === "number" && Number.isFinite(v));

const CHECKS: [string, Check, (v: unknown) => boolean][] = [
  ["normalize", understand.normalize, (v) => typeof v === "string" && v.length <= understand.MAX_LENGTH],
  ["scanNumbers", (s) => understand.scanNumbers(s), (v) => Array.isArray(v)],
  ["parseNumber", understand.parseNumber, isNumOrUndef],
  ["parseMonths", understand.parseMonths, isNumOrUndef],
  [
    "parseIncome",
    understand.parseIncome,
    (v) => v === undefined || (typeof v === "object" && v !== null && Number.isFinite((v as { monthly: number }).monthly)),
  ],
  ["parseYesNo", understand.parseYesNo, (v) => v === undefined || typeof v === "boolean"],
  ["parseGrade", understand.parseGrade, (v) => v === undefined || [1, 2, 3, 4, "severe", "mild"].includes(v as never)],
  ["parseCommand", understand.parseCommand, (v) => v === undefined || (typeof v === "object" && v !== null && "command" in v)],
  ["parseCorrection", understand.parseCorrection, (v) => v === undefined || (typeof v === "object" && v !== null && "fact" in v)],
  ["matchOption", (s) => understand.matchOption(s, OPTIONS), (v) => v === undefined || v === 1 || v === 2 || v === 3],
];

describe("robustness", () => {
  // Speed is the bench's business (timed assertions flake on a shared machine); a regex that blows
  // up on some input still fails here, by the test's own timeout.
  it("every parser is total on 5,000 pseudo-random strings", () => {
    const rand = prng(20240601);
    const inputs = [...ADVERSARIAL];
    while (inputs.length < 5_000 + ADVERSARIAL.length) inputs.push(randomString(rand));

    const called: Record<string, number> = {};
    for (const input of inputs) {
      for (const [name, fn, valid] of CHECKS) {
        let out: unknown;
        try {
          out = fn(input);
        } catch (e) {
          throw new Error(`${name} threw on ${JSON.stringify(input.slice(0, 80))}: ${String(e)}`);
        }
        called[name] = (called[name] ?? 0) + 1;
        if (!valid(out)) throw new Error(`${name} returned ${JSON.stringify(out)} for ${JSON.stringify(input.slice(0, 80))}`);
      }
    }
    expect(Object.keys(called)).toHaveLength(CHECKS.length);
  });

  it("tolerates non-string input from untyped callers", () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol("x")] as unknown[]) {
      for (const [, fn] of CHECKS) expect(() => fn(bad as string)).not.toThrow();
    }
    expect(understand.matchOption("1", null as never)).toBeUndefined();
    expect(understand.matchOption("1", [{ label: null, value: 1 }] as never)).toBe(1);
  });
});
