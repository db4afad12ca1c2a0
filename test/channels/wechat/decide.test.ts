// What a WeChat message leads to, without HTTP: the outbox first, "more" pages, voice, notices.
import { describe, expect, it } from "vitest";
import { decide, lateOnly, plainWord, type DecideContext, type InboundMessage } from "../../../src/channels/wechat/mod.js";

const message = (fields: Partial<InboundMessage>): InboundMessage => ({ kind: "message", toUser: "gh_1", fromUser: "o_1", createTime: 1, msgType: "text", ...fields });
const context = (box?: DecideContext["box"]): DecideContext => ({ box, nowMs: 10_000, lateTtlMs: 5_000, moreWords: new Set(["更多", "more"].map(plainWord)) });
const pages = (late: boolean, at = 9_000) => ({ v: 1 as const, lang: "zh-CN" as const, pages: ["p1", "p2"], late, at });

describe("decide", () => {
  it("sends text to the core", () => {
    expect(decide(message({ content: "35" }), context())).toEqual({ kind: "turn", input: "35" });
  });

  it("takes a voice message's recognised text as typed text", () => {
    expect(decide(message({ msgType: "voice", recognition: "我今年六十五岁" }), context())).toEqual({ kind: "turn", input: "我今年六十五岁" });
  });

  it("asks to type when a voice message has no recognised text", () => {
    expect(decide(message({ msgType: "voice" }), context())).toEqual({ kind: "notice", key: "service.voiceNotRecognised" });
    expect(decide(message({ msgType: "voice", recognition: "  " }), context())).toEqual({ kind: "notice", key: "service.voiceNotRecognised" });
    expect(decide(message({ msgType: "image" }), context())).toEqual({ kind: "notice", key: "wechat.textOnly" });
  });

  it("shows a late answer first, whatever the message, except a request to delete", () => {
    expect(decide(message({ content: "35" }), context(pages(true)))).toMatchObject({ kind: "pages", pages: ["p1", "p2"] });
    expect(decide(message({ msgType: "image" }), context(pages(true)))).toMatchObject({ kind: "pages" });
    expect(decide(message({ content: "/delete" }), context(pages(true)))).toEqual({ kind: "turn", input: "/delete" });
  });

  it("drops a late answer past its time", () => {
    expect(decide(message({ content: "35" }), context(pages(true, 1_000)))).toEqual({ kind: "turn", input: "35" });
  });

  it("shows the next page on 'more', and sends anything else to the core", () => {
    expect(decide(message({ content: "更多。" }), context(pages(false)))).toMatchObject({ kind: "pages" });
    expect(decide(message({ content: "More" }), context(pages(false)))).toMatchObject({ kind: "pages" });
    expect(decide(message({ content: "35" }), context(pages(false)))).toEqual({ kind: "turn", input: "35" });
  });

  it("welcomes a subscriber and ignores other events", () => {
    expect(decide(message({ msgType: "event", event: "subscribe" }), context())).toEqual({ kind: "turn", input: "" });
    expect(decide(message({ msgType: "event", event: "LOCATION" }), context())).toEqual({ kind: "none" });
  });

  it("gives a retry only a late answer", () => {
    expect(lateOnly(context(pages(true)))).toMatchObject({ kind: "pages" });
    expect(lateOnly(context(pages(false)))).toEqual({ kind: "none" });
  });
});
