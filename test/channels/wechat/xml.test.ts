import { describe, expect, it } from "vitest";
import { buildEncryptedReply, buildTextReply, DEFAULT_MAX_XML_BYTES, messageCrypto, parseInbound, sign } from "../../../src/channels/wechat/mod.js";
import { WECOM } from "./vectors.js";

const TEXT = `<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName>
<FromUserName><![CDATA[oABCDEFGHIJKLMNOPQRSTUVWXYZ]]></FromUserName>
<CreateTime>1348831860</CreateTime>
<MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[我想申请 <低保> & 医保]]></Content>
<MsgId>24762662405509099</MsgId>
</xml>`;

describe("parseInbound", () => {
  it("parses a text message, keeping a MsgId above 2^53 exact", () => {
    expect(parseInbound(TEXT)).toEqual({
      ok: true,
      value: {
        kind: "message",
        toUser: "gh_123456789abc",
        fromUser: "oABCDEFGHIJKLMNOPQRSTUVWXYZ",
        createTime: 1348831860,
        msgType: "text",
        content: "我想申请 <低保> & 医保",
        msgId: "24762662405509099",
      },
    });
  });

  it("parses an event, which has no MsgId", () => {
    const xml = `<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oU]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[START]]></EventKey></xml>`;
    expect(parseInbound(xml)).toEqual({
      ok: true,
      value: { kind: "message", toUser: "gh_1", fromUser: "oU", createTime: 123456789, msgType: "event", event: "CLICK", eventKey: "START" },
    });
  });

  it("parses a safe-mode envelope (official WeCom sample) and a compatible-mode body", () => {
    const envelope = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${WECOM.message.encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
    expect(parseInbound(envelope)).toEqual({ ok: true, value: { kind: "encrypted", toUser: WECOM.corpId, agentId: "218", encrypt: WECOM.message.encrypt } });
    const compatible = TEXT.replace("</xml>", "<Encrypt><![CDATA[abc=]]></Encrypt></xml>");
    expect(parseInbound(compatible)).toMatchObject({ ok: true, value: { kind: "message", msgId: "24762662405509099", encrypt: "abc=" } });
  });

  it("decodes the predefined entities outside CDATA", () => {
    const xml = TEXT.replace("<![CDATA[我想申请 <低保> & 医保]]>", "a &lt;b&gt; &amp; c");
    expect(parseInbound(xml)).toMatchObject({ ok: true, value: { content: "a <b> & c" } });
  });

  it.each([
    ["unclosed tag", "<xml><ToUserName>gh</xml>"],
    ["mismatched tag", "<xml><A>1</B></xml>"],
    ["not XML", "hello"],
    ["empty", ""],
    ["truncated", TEXT.slice(0, TEXT.length - 10)],
    ["two roots", `${TEXT}${TEXT}`],
    ["a prototype-polluting tag name (the parser refuses it)", "<xml><__proto__><a>1</a></__proto__></xml>"],
  ])("rejects malformed XML: %s", (_what, xml) => {
    expect(parseInbound(xml)).toEqual({ ok: false, error: "malformed" });
  });

  it.each([
    ["another root", TEXT.replaceAll("xml>", "msg>")],
    ["a missing field", TEXT.replace(/<FromUserName>.*<\/FromUserName>/, "")],
    ["a repeated field", TEXT.replace("</xml>", "<MsgType>text</MsgType></xml>")],
    ["a nested field", TEXT.replace("<![CDATA[我想申请 <低保> & 医保]]>", "<b>x</b>")],
    ["a CreateTime that is not a number", TEXT.replace("1348831860", "soon")],
  ])("rejects well-formed XML that is not a WeChat message: %s", (_what, xml) => {
    expect(parseInbound(xml)).toEqual({ ok: false, error: "not-a-message" });
  });

  it("refuses DTDs (entity expansion, external entities) but not the text '<!DOCTYPE' inside CDATA", () => {
    const billionLaughs = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>`;
    expect(parseInbound(billionLaughs)).toEqual({ ok: false, error: "doctype-not-allowed" });
    const xxe = `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>`;
    expect(parseInbound(xxe)).toEqual({ ok: false, error: "doctype-not-allowed" });
    const typed = TEXT.replace("我想申请 <低保> & 医保", "<!DOCTYPE html>");
    expect(parseInbound(typed)).toMatchObject({ ok: true, value: { content: "<!DOCTYPE html>" } });
  });

  it("leaves undeclared entities as text", () => {
    const xml = TEXT.replace("<![CDATA[我想申请 <低保> & 医保]]>", "&nbsp;&foo;");
    expect(parseInbound(xml)).toMatchObject({ ok: true, value: { content: "&nbsp;&foo;" } });
  });

  it("rejects oversized input, counting bytes rather than characters", () => {
    const huge = TEXT.replace("我想申请", "x".repeat(50 * 1024 * 1024));
    expect(parseInbound(huge)).toEqual({ ok: false, error: "too-large" });
    // 30,000 Chinese characters are 90,000 bytes: over 64 KiB although under 64 Ki characters.
    expect(parseInbound(TEXT.replace("我想申请", "申".repeat(30_000)))).toEqual({ ok: false, error: "too-large" });
    expect(parseInbound(TEXT.replace("我想申请", "申".repeat(20_000)))).toMatchObject({ ok: true });
    expect(parseInbound(TEXT, 100)).toEqual({ ok: false, error: "too-large" });
    expect(DEFAULT_MAX_XML_BYTES).toBe(65536);
  });

  it("rejects deep nesting", () => {
    const deep = `<xml>${"<a>".repeat(200)}x${"</a>".repeat(200)}</xml>`;
    expect(parseInbound(deep).ok).toBe(false);
  });
});

describe("buildTextReply", () => {
  it("builds the documented passive reply", () => {
    expect(buildTextReply({ toUser: "oU", fromUser: "gh_1", content: "你好", createTime: 1700000000 })).toBe(
      "<xml><ToUserName><![CDATA[oU]]></ToUserName><FromUserName><![CDATA[gh_1]]></FromUserName>" +
        "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>",
    );
  });

  it.each([
    "plain",
    "a ]]> b",
    "]]>",
    "]]]]>]]>",
    "<&> &amp; <![CDATA[x]]>",
    "多行\n第二行\n\n1. 是\n2. 否",
    "emoji 😀👨‍👩‍👧 🇨🇳",
  ])("round-trips %j through the parser", (content) => {
    const xml = buildTextReply({ toUser: "oU", fromUser: "gh_1", content, createTime: 1700000000 });
    expect(parseInbound(xml)).toEqual({
      ok: true,
      value: { kind: "message", toUser: "oU", fromUser: "gh_1", createTime: 1700000000, msgType: "text", content },
    });
  });

  it("drops characters XML cannot carry instead of producing an invalid reply", () => {
    const xml = buildTextReply({ toUser: "oU", fromUser: "gh_1", content: "a\u0000b\u0007c\uD800d\uDC00e\uFFFFf 😀", createTime: 1 });
    expect(parseInbound(xml)).toMatchObject({ ok: true, value: { content: "abcdef 😀" } });
  });

  it("defaults CreateTime to now, in seconds", () => {
    const xml = buildTextReply({ toUser: "oU", fromUser: "gh_1", content: "x" });
    const parsed = parseInbound(xml);
    expect(parsed.ok && parsed.value.kind === "message" && Math.abs(parsed.value.createTime - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe("buildEncryptedReply", () => {
  it("wraps an encrypted reply so that it verifies and decrypts back", () => {
    const crypto = messageCrypto(WECOM.encodingAESKey, WECOM.corpId);
    const inner = buildTextReply({ toUser: "mycreate", fromUser: WECOM.corpId, content: "收到 ]]> <&>", createTime: 1409659813 });
    const encrypt = crypto.encrypt(inner);
    const msgSignature = sign(WECOM.token, "1409659813", "nonce1", encrypt);
    const xml = buildEncryptedReply({ encrypt, msgSignature, timestamp: 1409659813, nonce: "nonce1" });
    expect(xml).toBe(
      `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt><MsgSignature><![CDATA[${msgSignature}]]></MsgSignature>` +
        `<TimeStamp>1409659813</TimeStamp><Nonce><![CDATA[nonce1]]></Nonce></xml>`,
    );
    const envelope = parseInbound(xml);
    expect(envelope).toEqual({ ok: true, value: { kind: "encrypted", encrypt } });
    const decrypted = crypto.decrypt(encrypt);
    expect(decrypted.ok && parseInbound(decrypted.message)).toMatchObject({ ok: true, value: { content: "收到 ]]> <&>" } });
  });

  it("refuses a timestamp that is not an integer", () => {
    expect(() => buildEncryptedReply({ encrypt: "x", msgSignature: "y", timestamp: "1<2", nonce: "n" })).toThrow(RangeError);
  });
});
