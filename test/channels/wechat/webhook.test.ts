// The WeChat webhook end to end over node:http: URL verification, signatures, retries, safe mode and WeCom
// (cross-checked with @wecom/crypto). Paging is in paging.test.ts, WeChat's five seconds in late-answers.test.ts,
// and the pure pieces in decide.test.ts and deadline.test.ts.
import { encrypt as wecomEncrypt, getSignature } from "@wecom/crypto";
import { describe, expect, it } from "vitest";
import { createWeChatWebhook, outboxKey, sign } from "../../../src/channels/wechat/mod.js";
import { restoreState } from "../../../src/dialogue/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { fakeSessions, longTurn, say, useWebhooks } from "./fakes.js";
import { WECOM } from "./vectors.js";
import { AES_KEY, APP_ID, TOKEN, cdata, eventXml, imageXml, newMsgId, openEncryptedReply, postPlain, postSafe, replyContent, sleep, textXml } from "./harness.js";

const webhook = useWebhooks();

describe("URL verification", () => {
  it("Official Account: echoes echostr when the signature matches, 401 otherwise", async () => {
    const h = await webhook({ now: () => 1409659589_000 });
    const query = (signature: string) => new URLSearchParams({ signature, timestamp: "1409659589", nonce: "263014780", echostr: "5837397520665436492" });
    const good = await fetch(`${h.url}?${query(sign(TOKEN, "1409659589", "263014780"))}`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("5837397520665436492");
    const bad = await fetch(`${h.url}?${query("f".repeat(40))}`);
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toContain("5837397520665436492");
    expect((await fetch(h.url)).status).toBe(401);
  });

  it("WeCom: decrypts the official sample's echostr", async () => {
    const h = await webhook({ token: WECOM.token, flavor: "wecom", mode: "safe", encodingAESKey: WECOM.encodingAESKey, appId: WECOM.corpId, now: () => Number(WECOM.urlCheck.timestamp) * 1000 });
    const { msgSignature, timestamp, nonce, echostr, plain } = WECOM.urlCheck;
    const res = await fetch(`${h.url}?msg_signature=${msgSignature}&timestamp=${timestamp}&nonce=${nonce}&echostr=${encodeURIComponent(echostr)}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toBe(plain); // no quotes, BOM or newline
  });

  it("WeCom: decrypts an echostr encrypted by @wecom/crypto (even with an unescaped +), 401 for a bad one", async () => {
    const h = await webhook({ flavor: "wecom", mode: "safe", encodingAESKey: AES_KEY, appId: APP_ID, now: () => 1700000000_000 });
    // Find a ciphertext with a "+" in it, to show an unescaped one survives the query-string decoding.
    let echostr = "";
    for (let i = 0; !echostr.includes("+"); i++) echostr = wecomEncrypt(AES_KEY, `echo-${i}`, APP_ID);
    const plain = echostr && (await import("@wecom/crypto")).decrypt(AES_KEY, echostr).message;
    const sig = getSignature(TOKEN, "1700000000", "42", echostr);
    const ok = await fetch(`${h.url}?msg_signature=${sig}&timestamp=1700000000&nonce=42&echostr=${encodeURIComponent(echostr)}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(plain);
    const raw = await fetch(`${h.url}?msg_signature=${sig}&timestamp=1700000000&nonce=42&echostr=${echostr}`);
    expect(await raw.text()).toBe(plain);

    const wrongSig = await fetch(`${h.url}?msg_signature=${"0".repeat(40)}&timestamp=1700000000&nonce=42&echostr=${encodeURIComponent(echostr)}`);
    expect(wrongSig.status).toBe(401);
    const otherCorp = wecomEncrypt(AES_KEY, "echo", "ww_other_corp");
    const wrongCorp = await fetch(`${h.url}?msg_signature=${getSignature(TOKEN, "1700000000", "2", otherCorp)}&timestamp=1700000000&nonce=2&echostr=${encodeURIComponent(otherCorp)}`);
    expect(wrongCorp.status).toBe(401);
  });
});

describe("POST, refused", () => {
  it("a bad signature gets 401, and nothing is stored or handled", async () => {
    const h = await webhook();
    const res = await postPlain(h.url, textXml("o_user1", "45"), "0".repeat(40));
    expect(res.status).toBe(401);
    expect(h.inputs).toEqual([]);
    expect(await h.store.get("wechat:o_user1")).toBeUndefined();
    expect(await h.store.get(outboxKey("o_user1"))).toBeUndefined();
    // A forged retry must not have been marked as seen: the real message is still handled.
    const real = await postPlain(h.url, textXml("o_user1", "45"));
    expect(await real.text()).toContain("CDATA");
  });

  it("safe mode: a bad msg_signature gets 401 before decrypting, and nothing is stored", async () => {
    const h = await webhook({ mode: "safe", encodingAESKey: AES_KEY, appId: APP_ID });
    const res = await postSafe(h.url, textXml("o_user2", "45"), { badSignature: true });
    expect(res.status).toBe(401);
    expect(h.inputs).toEqual([]);
    expect(await h.store.get("wechat:o_user2")).toBeUndefined();
    // Signed right but for another app: refused as undecryptable.
    expect((await postSafe(h.url, textXml("o_user2", "45"), { appId: "wx_someone_else" })).status).toBe(400);
    expect(h.inputs).toEqual([]);
  });

  it("malformed XML gets 400, an oversized body 413, other methods 405", async () => {
    const h = await webhook();
    expect((await postPlain(h.url, "<xml><ToUserName>oops</xml>")).status).toBe(400);
    expect((await postPlain(h.url, "not xml at all")).status).toBe(400);
    expect((await postPlain(h.url, `<!DOCTYPE x [<!ENTITY a "b">]>${textXml("o_u", "&a;")}`)).status).toBe(400);
    expect((await postPlain(h.url, textXml("o_user3", "x".repeat(70 * 1024)))).status).toBe(413);
    expect((await fetch(h.url, { method: "PUT", body: "x" })).status).toBe(405);
    expect(h.inputs).toEqual([]);
  });

  it("logs no message content or OpenID", async () => {
    const h = await webhook({ replyTimeoutMs: 50, sessions: fakeSessions(longTurn, 150) });
    await postPlain(h.url, textXml("o_secret_openid", "my secret answer"), "0".repeat(40));
    await say(h, "o_secret_openid", "my secret answer");
    await sleep(200);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join("\n")).not.toMatch(/o_secret_openid|secret answer/);
  });
});

describe("POST, answered", () => {
  it("a first message gets a passive reply to the sender: the welcome and the first question", async () => {
    const h = await webhook();
    const first = await say(h, "o_alice", "你好");
    expect(first).toContain("您好");
    expect(first).toContain("您今年多大年纪");
    // A typed answer: the shortcut is shown as a word to type, not as option 1 (which would read as age 1).
    expect(first).toContain("“不知道”");
    expect(first).not.toMatch(/^1\. /m);

    const second = await say(h, "o_alice", "45");
    expect(second).toContain("您的户口在哪里");
    expect(second).toMatch(/^1\. 本地户口$/m);
    expect(second).toMatch(/^4\. 不知道$/m);
    // The number of an option is passed on as typed; the core reads it.
    await say(h, "o_alice", "１");
    const state = restoreState(((await h.store.get("wechat:o_alice"))!.state as { dialogue: unknown }).dialogue)!;
    expect(state.profile.members[0]).toMatchObject({ age: 45, hukou: "local" });
    expect(h.inputs).toEqual(["你好", "45", "１"]);
  });

  it("subscribe gets the welcome; unknown events get success; pictures get a request for text", async () => {
    const h = await webhook();
    const sub = await postPlain(h.url, eventXml("o_bob", "subscribe"));
    expect(replyContent(await sub.text(), "o_bob")).toContain("您今年多大年纪");
    expect(h.inputs).toEqual([""]);
    const click = await postPlain(h.url, eventXml("o_bob", "CLICK", 1700000009));
    expect(await click.text()).toBe("success");
    const picture = await postPlain(h.url, imageXml("o_bob"));
    expect(replyContent(await picture.text(), "o_bob")).toContain("文字");
    expect(h.inputs).toEqual([""]);
  });

  it("answers a non-text message in the user's language", async () => {
    const h = await webhook();
    await say(h, "o_en", "English");
    const picture = await postPlain(h.url, imageXml("o_en"));
    expect(replyContent(await picture.text(), "o_en")).toMatch(/text/i);
  });

  it("handles a message posted twice in a row once, and answers the retry the same", async () => {
    const h = await webhook();
    await say(h, "o_carol", "你好");
    const id = newMsgId();
    const a = await say(h, "o_carol", "45", id);
    const b = await say(h, "o_carol", "45", id);
    expect(b).toBe(a);
    expect(h.inputs).toEqual(["你好", "45"]);
    const state = restoreState(((await h.store.get("wechat:o_carol"))!.state as { dialogue: unknown }).dialogue)!;
    expect(state.asked).toEqual(["m0.age"]);
    expect(h.logs.some((l) => l.includes("retry"))).toBe(true);
  });

  it("handles a message posted twice at once once: the retry waits and gets the same reply", async () => {
    const h = await webhook();
    await say(h, "o_dave", "你好");
    const id = newMsgId();
    const [a, b, c] = await Promise.all([say(h, "o_dave", "45", id), say(h, "o_dave", "45", id), say(h, "o_dave", "45", id)]);
    expect(a).toContain("您的户口在哪里");
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(h.inputs).toEqual(["你好", "45"]);
    expect(restoreState(((await h.store.get("wechat:o_dave"))!.state as { dialogue: unknown }).dialogue)!.asked).toEqual(["m0.age"]);
  });
});

describe("safe mode and WeCom", () => {
  it("Official Account safe mode: decrypts the inbound message and encrypts and signs the reply", async () => {
    const h = await webhook({ mode: "safe", encodingAESKey: AES_KEY, appId: APP_ID });
    const res = await postSafe(h.url, textXml("o_lily", "你好"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const { inner, id } = openEncryptedReply(await res.text());
    expect(id).toBe(APP_ID);
    expect(replyContent(inner, "o_lily")).toContain("您今年多大年纪");
    expect(h.inputs).toEqual(["你好"]);
  });

  it("WeCom: the official sample message gets an encrypted reply for the member", async () => {
    const { msgSignature, timestamp, nonce, encrypt } = WECOM.message;
    const h = await webhook({ token: WECOM.token, flavor: "wecom", mode: "safe", encodingAESKey: WECOM.encodingAESKey, appId: WECOM.corpId, now: () => Number(timestamp) * 1000 });
    const body = `<xml><ToUserName>${cdata(WECOM.corpId)}</ToUserName><AgentID>${cdata("218")}</AgentID><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
    const res = await fetch(`${h.url}?msg_signature=${msgSignature}&timestamp=${timestamp}&nonce=${nonce}`, { method: "POST", body });
    expect(res.status).toBe(200);
    const xml = await res.text();
    const field = (name: string) => new RegExp(`<${name}><!\\[CDATA\\[(.*?)\\]\\]></${name}>|<${name}>(\\d+)</${name}>`).exec(xml)!.slice(1).find(Boolean)!;
    expect(field("MsgSignature")).toBe(getSignature(WECOM.token, field("TimeStamp"), field("Nonce"), field("Encrypt")));
    const { message, id } = (await import("@wecom/crypto")).decrypt(WECOM.encodingAESKey, field("Encrypt"));
    expect(id).toBe(WECOM.corpId);
    expect(replyContent(message, "mycreate", WECOM.corpId)).toContain("您今年多大年纪");
  });

  it("refuses configurations that cannot work, with one line", () => {
    const base = { sessions: fakeSessions(longTurn), store: new MemoryStore(), token: TOKEN };
    expect(() => createWeChatWebhook({ ...base, flavor: "oa", mode: "safe" })).toThrow(/encodingAESKey/);
    expect(() => createWeChatWebhook({ ...base, flavor: "oa", mode: "safe", encodingAESKey: AES_KEY })).toThrow(/appId/);
    expect(() => createWeChatWebhook({ ...base, flavor: "wecom", mode: "plain" })).toThrow(/WeCom always encrypts/);
    expect(() => createWeChatWebhook({ ...base, flavor: "oa", mode: "safe", encodingAESKey: "short", appId: APP_ID })).toThrow(/43-character/);
  });
});
