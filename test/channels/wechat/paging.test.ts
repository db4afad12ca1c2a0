// Long answers on WeChat: a passive reply holds about 2,000 bytes, so the rest waits in the outbox and
// "更多" / "more" shows the next page; any other message drops it; /delete removes it with the conversation.
import { describe, expect, it } from "vitest";
import { outboxKey, utf8Length } from "../../../src/channels/wechat/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { fakeSessions, longText, longTurn, say, useWebhooks } from "./fakes.js";

const webhook = useWebhooks();

describe("long answers", () => {
  it("are split into pages of at most 2,000 bytes; 更多 / more / m show the next ones", async () => {
    const h = await webhook({ sessions: fakeSessions(longTurn) });
    const pages = [await say(h, "o_erin", "start")];
    const total = Number(/\(1\/(\d+)\)|（1\/(\d+)）/.exec(pages[0]!)?.slice(1).find(Boolean));
    expect(total).toBeGreaterThan(2);
    for (let n = 2; n <= total; n++) pages.push(await say(h, "o_erin", ["更多", "more", " M "][n % 3]!));
    for (const page of pages) expect(utf8Length(page)).toBeLessThanOrEqual(2000);
    pages.slice(0, -1).forEach((page, i) => expect(page).toContain(`回复“更多”查看后面的内容（${i + 1}/${total}）`));
    expect(pages[total - 1]).not.toContain("更多");
    // Nothing lost, nothing repeated: the pages without their hints give back the whole text.
    const joined = pages.map((p) => p.replace(/\n\n回复“更多”.*$/, "")).join("\n\n");
    expect(joined).toBe(`start\n${longText}`);
    expect(h.inputs).toEqual(["start"]);
    expect(await h.store.get(outboxKey("o_erin"))).toBeUndefined();
    // With no pages left, "更多" goes to the core like any other text.
    await say(h, "o_erin", "更多");
    expect(h.inputs).toEqual(["start", "更多"]);
  });

  it("any other message drops the remaining pages and goes to the core", async () => {
    const h = await webhook({ sessions: fakeSessions(longTurn) });
    await say(h, "o_frank", "start");
    expect(await h.store.get(outboxKey("o_frank"))).toBeDefined();
    const next = await say(h, "o_frank", "something else");
    expect(next.startsWith("something else\n")).toBe(true);
    expect(h.inputs).toEqual(["start", "something else"]);
  });

  it("/delete removes the remaining pages together with the conversation", async () => {
    const store = new MemoryStore();
    const h = await webhook({ store });
    // Fill the outbox by hand, as a long result would.
    await store.set(outboxKey("o_gina"), { v: 1, lang: "zh-CN", pages: ["page 2", "page 3"], late: false, at: Date.now() });
    await say(h, "o_gina", "你好");
    await store.set(outboxKey("o_gina"), { v: 1, lang: "zh-CN", pages: ["page 2", "page 3"], late: false, at: Date.now() });
    const reply = await say(h, "o_gina", "/delete");
    expect(reply).toContain("您今年多大年纪");
    expect(await store.get(outboxKey("o_gina"))).toBeUndefined();
    expect(await store.get("wechat:o_gina")).toBeUndefined();
  });

  it("a pending late answer does not hold up /delete", async () => {
    const store = new MemoryStore();
    const h = await webhook({ store });
    await store.set(outboxKey("o_hal"), { v: 1, lang: "zh-CN", pages: ["late answer"], late: true, at: Date.now() });
    await say(h, "o_hal", "删除我的数据");
    expect(h.inputs).toEqual(["删除我的数据"]);
    expect(await store.get(outboxKey("o_hal"))).toBeUndefined();
  });
});

