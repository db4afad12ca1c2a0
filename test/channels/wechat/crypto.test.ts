import { decrypt as wecomDecrypt, encrypt as wecomEncrypt } from "@wecom/crypto";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { messageCrypto, parseInbound } from "../../../src/channels/wechat/mod.js";
import { WECOM } from "./vectors.js";

const KEY = WECOM.encodingAESKey;
const APP = "wx5823bf96d3bd56c7";
const crypto = messageCrypto(KEY, APP);
const samples = ["", "hello", "<xml><Content><![CDATA[你好，我想办理居住证 😀]]></Content></xml>", "x".repeat(31), "y".repeat(32), "长".repeat(700)];

describe("messageCrypto", () => {
  it("decrypts WeCom's official sample to the documented message", () => {
    const result = crypto.decrypt(WECOM.message.encrypt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.appId).toBe(WECOM.corpId);
    const parsed = parseInbound(result.message);
    expect(parsed).toEqual({
      ok: true,
      value: { kind: "message", toUser: WECOM.corpId, fromUser: "mycreate", createTime: 1409659813, msgType: "text", content: "hello", msgId: "4561255354251345929", agentId: "218" },
    });
    expect(crypto.decrypt(WECOM.urlCheck.echostr)).toEqual({ ok: true, message: WECOM.urlCheck.plain, appId: WECOM.corpId });
  });

  it("round-trips, and matches @wecom/crypto byte for byte given the same random", () => {
    for (const message of samples) {
      const random = randomBytes(16);
      const ours = crypto.encrypt(message, random);
      expect(ours).toBe(wecomEncrypt(KEY, message, APP, random));
      expect(crypto.decrypt(ours)).toEqual({ ok: true, message, appId: APP });
    }
  });

  it("decrypts what @wecom/crypto encrypts, and @wecom/crypto decrypts ours", () => {
    for (const message of samples) {
      expect(crypto.decrypt(wecomEncrypt(KEY, message, APP))).toEqual({ ok: true, message, appId: APP });
      expect(wecomDecrypt(KEY, crypto.encrypt(message))).toMatchObject({ message, id: APP });
    }
  });

  it("pads to 32-byte blocks, adding a whole block when already aligned", () => {
    // 16 random + 4 length + 8 message + 4 appId = 32 bytes: one full block of padding follows.
    const aligned = messageCrypto(KEY, "abcd").encrypt("12345678");
    expect(Buffer.from(aligned, "base64")).toHaveLength(64);
    expect(Buffer.from(messageCrypto(KEY, "abcd").encrypt("1234567"), "base64")).toHaveLength(32);
  });

  it("rejects a ciphertext meant for another app", () => {
    const other = wecomEncrypt(KEY, "hi", "wx_other_app");
    expect(crypto.decrypt(other)).toEqual({ ok: false, error: "wrong-app-id" });
    // An empty receiveId (WeCom smart robots) is matched exactly too.
    expect(messageCrypto(KEY, "").decrypt(wecomEncrypt(KEY, "hi", ""))).toEqual({ ok: true, message: "hi", appId: "" });
    expect(messageCrypto(KEY, "").decrypt(crypto.encrypt("hi")).ok).toBe(false);
  });

  it("rejects a ciphertext under another key", () => {
    const otherKey = Buffer.alloc(32, 7).toString("base64").slice(0, 43);
    const result = messageCrypto(otherKey, APP).decrypt(crypto.encrypt("hello"));
    expect(result.ok).toBe(false);
  });

  it("rejects tampering anywhere, and never throws", () => {
    const good = Buffer.from(crypto.encrypt("你好 hello world, a message long enough for several blocks"), "base64");
    let rejected = 0;
    for (let i = 0; i < good.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const bad = Buffer.from(good);
        bad[i]! ^= bit;
        const result = crypto.decrypt(bad.toString("base64"));
        // Flipping bits in the first block only garbles the random prefix (CBC), which is not authenticated:
        // that is why msg_signature must be checked before decrypting.
        if (i >= 16 && result.ok) throw new Error(`tampered byte ${i} accepted`);
        if (!result.ok) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it.each([
    ["empty", ""],
    ["not base64", "!!!!"],
    ["short", Buffer.alloc(16).toString("base64")],
    ["not a block multiple", Buffer.alloc(40).toString("base64")],
    ["whitespace inside", `${crypto.encrypt("hi").slice(0, 10)} ${crypto.encrypt("hi").slice(10)}`],
  ])("rejects %s input", (_what, input) => {
    const result = crypto.decrypt(input);
    expect(result.ok).toBe(false);
  });

  it("reports each kind of damage distinctly", () => {
    expect(crypto.decrypt("")).toEqual({ ok: false, error: "not-base64" });
    expect(crypto.decrypt(Buffer.alloc(48).toString("base64")).ok).toBe(false);
    // A valid block structure whose last byte is not valid padding.
    expect(crypto.decrypt(Buffer.alloc(31).toString("base64") + "A")).toEqual({ ok: false, error: "bad-length" });
  });

  it("refuses a malformed EncodingAESKey at construction", () => {
    expect(() => messageCrypto(KEY.slice(1), APP)).toThrow(/43/);
    expect(() => messageCrypto(`${KEY.slice(1)}!`, APP)).toThrow(/43/);
  });
});
