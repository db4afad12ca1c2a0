import { describe, expect, it } from "vitest";
import { messageKey, SeenMessages, type InboundMessage } from "../../../src/channels/wechat/mod.js";

const base: InboundMessage = { kind: "message", toUser: "gh_1", fromUser: "oU", createTime: 1700000000, msgType: "text" };

describe("SeenMessages", () => {
  it("lets an id through once, and its retries not", () => {
    const seen = new SeenMessages();
    expect(seen.firstSeen("id:1")).toBe(true);
    expect(seen.firstSeen("id:1")).toBe(false);
    expect(seen.firstSeen("id:1")).toBe(false);
    expect(seen.firstSeen("id:2")).toBe(true);
  });

  it("forgets ids after the ttl", () => {
    const clock = { t: 0 };
    const seen = new SeenMessages({ ttlMs: 1000, now: () => clock.t });
    seen.firstSeen("a");
    clock.t = 500;
    seen.firstSeen("b");
    clock.t = 999;
    expect(seen.firstSeen("a")).toBe(false);
    clock.t = 1000;
    expect(seen.firstSeen("a")).toBe(true);
    expect(seen.firstSeen("b")).toBe(false);
    clock.t = 1500;
    expect(seen.size).toBe(2); // "b" expires on the next call, "a" was re-added at 1000
    expect(seen.firstSeen("c")).toBe(true);
    expect(seen.size).toBe(2);
  });

  it("never holds more than max ids, dropping the oldest", () => {
    const seen = new SeenMessages({ max: 3 });
    for (const id of ["a", "b", "c", "d"]) seen.firstSeen(id);
    expect(seen.size).toBe(3);
    expect(seen.firstSeen("d")).toBe(false);
    expect(seen.firstSeen("a")).toBe(true); // evicted, so new again
  });

  it("stays bounded under a flood of distinct ids", () => {
    const seen = new SeenMessages({ max: 1000 });
    for (let i = 0; i < 100_000; i++) seen.firstSeen(`id:${i}`);
    expect(seen.size).toBe(1000);
  });

  it("refuses nonsensical limits", () => {
    expect(() => new SeenMessages({ max: 0 })).toThrow(RangeError);
    expect(() => new SeenMessages({ ttlMs: -1 })).toThrow(RangeError);
  });
});

describe("messageKey", () => {
  it("uses MsgId for messages, regardless of the rest", () => {
    expect(messageKey({ ...base, msgId: "24762662405509099" })).toBe("id:24762662405509099");
    expect(messageKey({ ...base, msgId: "24762662405509099", createTime: 1 })).toBe("id:24762662405509099");
    expect(messageKey({ ...base, msgId: "24762662405509099" })).not.toBe(messageKey({ ...base, msgId: "24762662405509098" }));
  });

  it("uses sender and CreateTime for events, keeping different events of the same second apart", () => {
    const event = { ...base, msgType: "event", event: "subscribe" };
    expect(messageKey(event)).toBe(messageKey({ ...event }));
    expect(messageKey(event)).not.toBe(messageKey({ ...event, fromUser: "oV" }));
    expect(messageKey(event)).not.toBe(messageKey({ ...event, createTime: base.createTime + 1 }));
    expect(messageKey(event)).not.toBe(messageKey({ ...event, event: "CLICK", eventKey: "START" }));
  });

  it("deduplicates a retried message end to end", () => {
    const seen = new SeenMessages();
    const first = { ...base, msgId: "1" };
    const retry = { ...base, msgId: "1" };
    expect([first, retry, { ...base, msgId: "2" }].map((m) => seen.firstSeen(messageKey(m)))).toEqual([true, false, true]);
  });
});
