// The order of questions. A follow-up is asked as soon as an answer opens it ("boards at school?"
// after "primary school"), but one that several members may need is asked once for all of them,
// after the answers that open it: two pupils are asked "which of them boards?", not once each.
// A status few people have (facts.json "rare") waits for questions most people can answer yes to.
import { describe, expect, it } from "vitest";
import { respond, start, type Turn } from "../../src/dialogue/mod.js";
import { personas } from "../helpers/fixtures.js";
import { converse } from "../helpers/simulated-user.js";

/** Plays a conversation: the school when asked (by member), "不知道" to anything else; returns the keys asked, in order. */
function play(opening: string[], schools: Record<number, string>): string[] {
  let turn: Turn = start("zh-CN");
  for (const input of opening) turn = respond(turn.state, input);
  const asked: string[] = [];
  while (turn.state.pending && asked.length < 40) {
    const key = turn.state.pending;
    asked.push(key);
    const school = /^m(\d+)\.school$/.exec(key);
    turn = respond(turn.state, school ? `#${key}=${schools[Number(school[1])]}` : "不知道");
  }
  return asked;
}

describe("follow-ups", () => {
  it("asks two pupils' boarding once, after both schools", () => {
    const asked = play(["40", "1", "老公42岁，两个孩子10岁和13岁", "是"], { 2: "primary", 3: "junior" });
    expect(asked).toContain("who.boarding");
    expect(asked.filter((k) => /^m\d+\.boarding$/.test(k))).toEqual([]);
    expect(asked.indexOf("who.boarding")).toBeGreaterThan(Math.max(asked.indexOf("m2.school"), asked.indexOf("m3.school")));
  });

  it("asks one pupil's boarding at once, right after the school", () => {
    const asked = play(["40", "1", "女儿10岁", "是"], { 1: "primary" });
    const school = asked.indexOf("m1.school");
    expect(school).toBeGreaterThanOrEqual(0);
    expect(asked.slice(school + 1, school + 3)).toContain("m1.boarding");
  });
});

describe("rare facts", () => {
  it("ask a rare status (key entitled, facts.json rare) after the parents' work, which most adults can answer", () => {
    const persona = personas().find((p) => p.name === "migrant-family-of-four")!;
    const asked = converse(persona, 60, false).turns.map((t) => t.state.pending);
    expect(asked).toContain("m0.work");
    const keyEntitled = asked.indexOf("who.keyEntitled");
    expect(keyEntitled === -1 || keyEntitled > asked.indexOf("m0.work")).toBe(true);
  });
});
