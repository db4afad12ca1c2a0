// What /api/chat shows beyond the core's replies: several-answer questions, the household question
// without a second spouse, the results as sections with tappable lines, the result commands, the answers
// panel, and the effects (delete, handout). Over real HTTP, against the real core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatResponse } from "../../../src/channels/web/mod.js";
import { translator } from "../../../src/i18n/mod.js";
import { chatClient, lastReply, values, type Chat } from "./client.js";
import { startWebServer, type Harness } from "./harness.js";

const zh = translator("zh-CN");
const en = translator("en");

let h: Harness;
let c: Chat;
beforeAll(async () => {
  h = await startWebServer();
  c = chatClient(h);
});
afterAll(async () => {
  await h.close();
});

/** Answers "don't know" until the household question is asked. */
async function toMembers(from: ChatResponse): Promise<ChatResponse> {
  let r = from;
  for (let i = 0; i < 10 && !values(r).includes("#members=spouse"); i++) r = await c.answer(r, values(r).find((v) => v.endsWith("=?")) ?? "?");
  expect(values(r)).toContain("#members=spouse");
  return r;
}

/** A 70-year-old with a spouse of 68 on dibao, at the results. */
async function atResults(lang: "zh-CN" | "en" = "zh-CN"): Promise<ChatResponse> {
  const members = await toMembers(await c.answer(await c.open(lang), "70"));
  let r = await c.answerAll(members, ["#members=spouse", "#members=none", "68"]);
  for (let i = 0; i < 6 && !values(r).some((v) => v.startsWith("#assist=")); i++) r = await c.answer(r, values(r).find((v) => v.endsWith("=?")) ?? "?");
  r = await c.answerAll(r, ["#assist=dibao", lang === "en" ? "results" : "结果"]);
  expect(r.replies[0]!.text.startsWith(translator(lang)("results.title"))).toBe(true);
  return r;
}

describe("questions that take several answers", () => {
  it("say so (multiple), and several tapped values joined by commas are all recorded", async () => {
    const members = await toMembers(await c.answer(await c.open(), "40"));
    expect(lastReply(members).multiple).toBe(true);
    const added = await c.answer(members, "#members=spouse,child,child");
    const state = (await h.store.get(`web:${added.session}`))!.state as { dialogue: { profile: { members: { relation: string }[] } } };
    expect(state.dialogue.profile.members.map((m) => m.relation)).toEqual(["self", "spouse", "child", "child"]);
  });

  it("a single-answer question is not marked multiple", async () => {
    const opened = await c.open();
    const hukou = await c.answer(opened, "40");
    expect(values(hukou).some((v) => v.startsWith("#m0.hukou="))).toBe(true);
    expect(lastReply(hukou).multiple).toBeUndefined();
  });
});

describe("anyone else in the household?", () => {
  it("is asked again after a spouse is tapped, without the spouse; the other relations stay", async () => {
    const members = await toMembers(await c.answer(await c.open(), "40"));
    const again = await c.answer(members, "#members=spouse");
    expect(lastReply(again).text).toBe(zh("q.membersMore"));
    expect(values(again)).not.toContain("#members=spouse");
    expect(values(again)).toEqual(values(members).filter((v) => v !== "#members=spouse"));
    // A child added next: still no spouse on offer.
    const child = await c.answer(again, "#members=child");
    expect(lastReply(child).text).toBe(zh("q.membersMore"));
    expect(values(child)).toEqual(values(again));
  });

  it("offers the spouse again after going back over the household question", async () => {
    const members = await toMembers(await c.answer(await c.open(), "40"));
    const again = await c.answer(members, "#members=spouse");
    const back = await c.answer(again, "返回");
    expect(values(back)).toContain("#members=spouse");
  });
});

describe("the results", () => {
  it("come as sections, the title first; each numbered line asks for its own details", async () => {
    const r = await atResults();
    const summary = r.replies[0]!;
    expect(summary.sections).toBeDefined();
    const sections = summary.sections!;
    expect(sections.map((s) => s.lines.map((l) => l.text).join("\n")).join("\n\n")).toBe(summary.text);
    expect(sections[0]!.lines.map((l) => l.text)).toEqual([zh("results.title")]);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    expect(sections.some((s) => s.lines[0]!.text === zh("results.person", { who: zh("who.self") }))).toBe(true);

    const tappable = sections.flatMap((s) => s.lines).filter((l) => l.value);
    expect(tappable.length).toBeGreaterThanOrEqual(3);
    tappable.forEach((line, i) => {
      expect(line.text.startsWith(`${i + 1}. `)).toBe(true);
      expect(line.value).toBe(zh("webActions.details", { n: i + 1 }));
    });
    // Only the numbered lines: headings and "N more to check" lines are not.
    for (const s of sections) expect(s.lines[0]!.value).toBeUndefined();

    // Tapping a line gives that service's details, and the results stay answerable.
    const name = tappable[1]!.text.replace(/^\d+\.\s*/, "").replace(/[（(].*$/, "");
    const details = await c.answer(r, tappable[1]!.value!);
    expect(details.replies[0]!.text.split("\n")[0]).toContain(name);
    expect(details.replies[0]!.sections).toBeUndefined();
    // The closing reply (how to go on) stays one text.
    expect(r.replies[1]!.sections).toBeUndefined();
  });

  it("offer the result commands as buttons, which do what the same words typed do", async () => {
    const r = await atResults();
    expect(r.actions.map((a) => a.label)).toEqual(["继续", "全部", "待定", "我的回答", "返回", "打印"]);
    for (const a of r.actions) expect(a.value).toBe(a.label);
    const value = (label: string) => r.actions.find((a) => a.label === label)!.value;

    // Each answers the turn before it, as the page does (an old turn would get that turn's replies again).
    const pending = await c.answer(r, value("待定"));
    expect(pending.replies[0]!.text.startsWith(zh("pending.title"))).toBe(true);
    const mine = await c.answer(pending, value("我的回答"));
    expect(mine.replies[0]!.text.startsWith(zh("answers.title"))).toBe(true);
    const all = await c.answer(mine, value("全部"));
    expect(all.replies[0]!.text.startsWith(zh("results.universalTitle"))).toBe(true);
    const print = await c.answer(all, value("打印"));
    expect(print.replies[0]!.text).toBe(zh("handout.ready"));
    expect(print.effects).toEqual(["handout"]);
    expect(print.handout).toBe(`/handout?session=${r.session}`);
    // Still at the results after each: the same commands on offer.
    for (const turn of [pending, mine, all, print]) expect(turn.actions).toEqual(r.actions);

    // Going back asks a question again: no result commands while it waits.
    const back = await c.answer(print, value("返回"));
    expect(lastReply(back).options?.length).toBeGreaterThan(0);
    expect(back.actions).toEqual([]);
  });

  it("continue: the next question, or the results again when none is left", async () => {
    const r = await atResults();
    const more = await c.answer(r, r.actions[0]!.value);
    if (more.replies.some((x) => x.text === zh("nothingMore"))) expect(more.actions).toEqual(r.actions);
    else {
      expect(lastReply(more).options?.length).toBeGreaterThan(0);
      expect(more.actions).toEqual([]);
    }
  });

  it("in English, with English words the core reads", async () => {
    const r = await atResults("en");
    expect(r.actions.map((a) => a.value)).toEqual(["Continue", "All", "Pending", "My answers", "Back", "Print"]);
    const line = r.replies[0]!.sections!.flatMap((s) => s.lines).find((l) => l.value)!;
    expect(line.value).toBe("details 1");
    const pending = await c.answer(r, "Pending");
    expect(pending.replies[0]!.text.startsWith(en("pending.title"))).toBe(true);
    const mine = await c.answer(pending, "My answers");
    expect(mine.replies[0]!.text.startsWith(en("answers.title"))).toBe(true);
    const all = await c.answer(mine, "All");
    expect(all.replies[0]!.text.startsWith(en("results.universalTitle"))).toBe(true);
    const print = await c.answer(all, "Print");
    expect(print.effects).toEqual(["handout"]);
    const details = await c.answer(print, line.value!);
    expect(details.replies[0]!.text.split("\n")[0]).toContain(line.text.replace(/^1\.\s*/, "").replace(/\s*\(.*$/, ""));
    expect(details.answers.map((a) => a.value)).toEqual(details.answers.map((_, i) => `change ${i + 1}`));
  });

  it("none while questions are being asked", async () => {
    const opened = await c.open();
    expect(opened.actions).toEqual([]);
    expect((await c.answer(opened, "40")).actions).toEqual([]);
  });
});

describe("the answers panel", () => {
  it("lists what was recorded, each with the words that change it", async () => {
    const opened = await c.open();
    expect(opened.answers).toEqual([]);
    const r = await atResults();
    expect(r.answers.length).toBeGreaterThanOrEqual(3);
    expect(r.answers[0]!.value).toBe("改 1");
    expect(r.answers.map((a) => a.value)).toEqual(r.answers.map((_, i) => zh("webActions.change", { n: i + 1 })));
    // The same lines "my answers" shows, numbered the same way.
    const mine = await c.answer(r, "我的回答");
    r.answers.forEach((a, i) => expect(mine.replies[0]!.text).toContain(`${i + 1}. ${a.text}`));

    const age = r.answers.findIndex((a) => a.text.includes("70"));
    const change = await c.answer(mine, r.answers[age]!.value);
    expect(lastReply(change).text).toBe(zh("q.age_self"));
    const changed = await c.answer(change, "72");
    expect(changed.answers[age]!.text).toContain("72");
  });
});

describe("deleting by typing", () => {
  it("says so in effects, and the answers panel is empty again", async () => {
    const r = await atResults();
    const deleted = await c.answer(r, "删除我的数据");
    expect(deleted.effects).toEqual(["delete-data"]);
    expect(deleted.replies[0]!.text).toBe(zh("deleted"));
    expect(deleted.answers).toEqual([]);
    expect(deleted.actions).toEqual([]);
    expect(await h.store.get(`web:${r.session}`)).toBeUndefined();
  });
});
