// After the results: "details N" opens line N in full, "pending" lists what is still open with its
// question, "change N" asks answer N again, "my answers" numbers what was recorded, "print" asks the
// channel for the handout. The words are the user's, in either language.
import { describe, expect, it } from "vitest";
import { respond, start, type Turn } from "../../../src/dialogue/mod.js";
import { translator } from "../../../src/i18n/mod.js";

const zh = translator("zh-CN");

/** A 72-year-old on dibao with a grade-2 certificate, at the results. */
function atResults(): Turn {
  let turn = start("zh-CN");
  for (const input of ["72", "本地", "没有", "低保", "不知道", "是", "二级", "结果"]) turn = respond(turn.state, input);
  expect(turn.state.phase).toBe("results");
  return turn;
}

describe("results commands", () => {
  it("numbers the services found, and 'details N' opens that one with where to apply and its sources", () => {
    const results = atResults();
    const line = results.replies[0]!.text.split("\n").find((l) => l.includes("重度残疾人护理补贴"))!;
    const n = Number(/^(\d+)\./.exec(line)![1]);
    const details = respond(results.state, `详情 ${n}`).replies[0]!.text;
    expect(details).toContain("【重度残疾人护理补贴】");
    expect(details).toContain("到哪里办");
    expect(details).toMatch(/依据：.*http/);
    // A bare number after the results is a line number too.
    expect(respond(results.state, String(n)).replies[0]!.text).toBe(details);
  });

  it("says there is no such line rather than guessing", () => {
    const results = atResults();
    expect(respond(results.state, "详情 99").replies[0]!.text).toBe(zh("details.noSuch", { n: 99 }));
  });

  it("lists what is still open, each with the question that settles it", () => {
    const pending = respond(atResults().state, "待定").replies[0]!.text;
    expect(pending.startsWith(zh("pending.title"))).toBe(true);
    expect(pending).toMatch(/• .+？ → .+/);
  });

  it("numbers the answers, and 'change N' asks that one again", () => {
    const results = atResults();
    const answers = respond(results.state, "我的回答").replies[0]!.text;
    const line = answers.split("\n").find((l) => l.includes("年龄"))!;
    const n = Number(/^(\d+)\./.exec(line)![1]);
    const change = respond(results.state, `改 ${n}`);
    expect(change.state.pending).toBe("m0.age");
    const updated = respond(change.state, "75");
    expect(updated.state.profile.members[0]!.age).toBe(75);
    expect(updated.replies[0]!.text).toBe(zh("updated"));
  });

  it("'change age' names the fact instead of its number", () => {
    expect(respond(atResults().state, "改年龄").state.pending).toBe("m0.age");
  });

  it("asks the channel for the handout on 'print'", () => {
    const printed = respond(atResults().state, "打印");
    expect(printed.effects.map((e) => e.type)).toEqual(["handout"]);
  });
});
