// Thousands of random inputs (text, numbers, emoji, very long lines, empty lines, stale buttons)
// never throw, never loop, always produce a reply and a state that survives a store round trip, and
// never reach the core's error path: respond() turns any exception into an apology, so without counting
// those this test would pass even if the core threw on every input.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onCoreError, respond, restoreState, start, type Turn } from "../../src/dialogue/mod.js";
import type { Ruleset } from "../../src/engine/mod.js";
import { seededRandom } from "../helpers/random-profile.js";

const errors: unknown[] = [];
beforeEach(() => {
  errors.length = 0;
  onCoreError((error) => errors.push(error));
});
afterEach(() => onCoreError(undefined));

const PIECES = [
  "", " ", "\n", "65", "六十五岁", "三千五", "3k", "是", "不是", "没有", "不知道", "跳过", "返回", "重新开始", "结果", "继续",
  "全部", "帮助", "English", "中文", "lang", "yes", "no", "skip", "back", "restart", "results", "1", "2", "7", "99", "-3", "1e309",
  "我其实70岁", "改年龄", "老婆和两个孩子", "8 5", "一级", "重度", "年收入3万", "🙂", "👨‍👩‍👧‍👦", "\u0000", "\u202e", "<script>", "]]>",
  "#m0.age=5", "#m0.age=-1", "#m9.age=30", "#h.housing=castle", "#assist=tekun", "#members=child", "#ages.child=7", "#bogus", "#=",
  "#who.disabled=3", "#sameResidence=true", "#m0.conditions=diabetes", "#h.incomePerPersonMonthly=range:1000", "删除我的数据",
];

function randomInput(random: () => number): string {
  const r = random();
  if (r < 0.05) return "x".repeat(Math.floor(random() * 20000));
  if (r < 0.1) return Array.from({ length: 50 }, () => String.fromCodePoint(Math.floor(random() * 0x2ffff))).join("");
  if (r < 0.2) return String(Math.floor(random() * 200) - 20);
  const parts = 1 + Math.floor(random() * 3);
  return Array.from({ length: parts }, () => PIECES[Math.floor(random() * PIECES.length)]!).join(random() < 0.5 ? "" : " ");
}

describe("conversation robustness", () => {
  it("answers every one of 5,000 random inputs and keeps a valid state", () => {
    const random = seededRandom(42);
    let turn: Turn = start();
    for (let i = 0; i < 5000; i++) {
      const input = randomInput(random);
      turn = respond(turn.state, input);
      expect(turn.replies.length, JSON.stringify(input)).toBeGreaterThan(0);
      for (const r of turn.replies) expect(typeof r.text).toBe("string");
      // The state is what channels store: it must survive JSON and re-validation unchanged.
      const stored = restoreState(JSON.parse(JSON.stringify(turn.state)));
      expect(stored, JSON.stringify(input)).toEqual(JSON.parse(JSON.stringify(turn.state)));
      expect(JSON.stringify(turn.state).length).toBeLessThan(4096);
      if (i % 500 === 499) turn = start(random() < 0.5 ? "zh-CN" : "en");
    }
    expect(errors.map(String)).toEqual([]);
  });

  it("counts a core that throws: the error path is observable, so the test above can fail", () => {
    const broken = new Proxy({}, { get: () => { throw new Error("broken ruleset"); } }) as Ruleset;
    const { state } = start();
    const turn = respond(state, "65", broken);
    expect(turn.replies.length).toBeGreaterThan(0);
    expect(errors).toHaveLength(1);
  });

  it("survives non-string input from a broken channel", () => {
    const { state } = start();
    for (const input of [undefined, null, 42, {}, [], Symbol.iterator]) {
      expect(respond(state, input as unknown).replies.length).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
  });

  it("never loops: each unreadable answer moves the conversation on within three tries", () => {
    let turn = start();
    const seen = new Map<string, number>();
    for (let i = 0; i < 200 && turn.state.phase === "asking"; i++) {
      const key = turn.state.pending ?? "";
      seen.set(key, (seen.get(key) ?? 0) + 1);
      expect(seen.get(key)!, key).toBeLessThanOrEqual(3);
      turn = respond(turn.state, "qqq");
    }
    expect(turn.state.phase).toBe("results");
    expect(errors).toEqual([]);
  });
});
