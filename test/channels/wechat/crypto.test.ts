import { decrypt as wecomDecrypt, encrypt as wecomEncrypt } from "@wecom/crypto";
import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { messageCrypto, parseInbound, sign, verifySignature } from "../../../src/channels/wechat/mod.js";
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

  // CBC has no integrity of its own: a flipped bit in a block that holds only message text merely garbles it.
  // Decryption catches damage to the length, appId and padding; msg_signature catches the rest.
  const good = Buffer.from(crypto.encrypt("你好 hello world, a message long enough for several blocks"), "base64");
  const tampered = (i: number, bit: number) => {
    const bad = Buffer.from(good);
    bad[i]! ^= bit;
    return bad.toString("base64");
  };

  it("rejects tampering with the blocks holding the length, the appId and the padding", () => {
    const positions = [...Array(16).keys()].map((k) => 16 + k).concat([...Array(64).keys()].map((k) => good.length - 64 + k));
    for (const i of positions) {
      for (const bit of [0x01, 0x80]) expect(crypto.decrypt(tampered(i, bit)).ok, `byte ${i}`).toBe(false);
    }
  });

  it("leaves tampering anywhere to msg_signature, which must be checked first", () => {
    const signature = sign("token", "1700000000", "nonce", good.toString("base64"));
    for (let i = 0; i < good.length; i++) expect(verifySignature(signature, "token", "1700000000", "nonce", tampered(i, 0x01))).toBe(false);
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
    const body = (msg: Buffer, appId = APP) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(msg.length);
      return Buffer.concat([randomBytes(16), length, msg, Buffer.from(appId)]);
    };
    const padded = (plain: Buffer) => {
      const n = 32 - (plain.length % 32);
      return Buffer.concat([plain, Buffer.alloc(n, n)]);
    };
    expect(crypto.decrypt("")).toEqual({ ok: false, error: "not-base64" });
    expect(crypto.decrypt(Buffer.alloc(40).toString("base64"))).toEqual({ ok: false, error: "bad-length" });
    const zeroPad = Buffer.concat([body(Buffer.from("hi")), Buffer.alloc(32 - ((22 + APP.length) % 32), 0)]);
    expect(crypto.decrypt(rawEncrypt(zeroPad))).toEqual({ ok: false, error: "bad-padding" });
    const mixedPad = padded(body(Buffer.from("hi")));
    mixedPad[mixedPad.length - 2]! ^= 1;
    expect(crypto.decrypt(rawEncrypt(mixedPad))).toEqual({ ok: false, error: "bad-padding" });
    const longClaim = padded(body(Buffer.from("hi")));
    longClaim.writeUInt32BE(1000, 16);
    expect(crypto.decrypt(rawEncrypt(longClaim))).toEqual({ ok: false, error: "bad-message-length" });
    expect(crypto.decrypt(rawEncrypt(padded(body(Buffer.from([0xff, 0xfe])))))).toEqual({ ok: false, error: "bad-utf8" });
  });

  it("refuses a malformed EncodingAESKey at construction", () => {
    expect(() => messageCrypto(KEY.slice(1), APP)).toThrow(/43/);
    expect(() => messageCrypto(`${KEY.slice(1)}!`, APP)).toThrow(/43/);
  });
});

/** Encrypts an arbitrary (already padded) plaintext, to build damaged messages a correct encoder would not. */
function rawEncrypt(plain: Buffer): string {
  const key = Buffer.from(`${KEY}=`, "base64");
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}
