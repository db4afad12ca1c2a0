import { getSignature } from "@wecom/crypto";
import { describe, expect, it } from "vitest";
import { sign, verifySignature } from "../../../src/channels/wechat/mod.js";
import { WECOM } from "./vectors.js";

describe("sign", () => {
  it("signs [token, timestamp, nonce] sorted (known answer: sha1sum of '1700000000noncetoken')", () => {
    expect(sign("token", "1700000000", "nonce")).toBe("bf37e74fc61ce5974ce58c68e55130b79b2578b9");
  });

  it("reproduces WeCom's official msg_signature vectors", () => {
    const m = WECOM.message;
    expect(sign(WECOM.token, m.timestamp, m.nonce, m.encrypt)).toBe(m.msgSignature);
    const u = WECOM.urlCheck;
    expect(sign(WECOM.token, u.timestamp, u.nonce, u.echostr)).toBe(u.msgSignature);
  });

  it("agrees with @wecom/crypto", () => {
    for (const [t, n, e] of [["1", "2", "3"], ["1409659813", "abc", "x+/="], ["0", "Zz", "aA"]] as const) {
      expect(sign("tok", t, n, e)).toBe(getSignature("tok", t, n, e));
    }
  });
});

describe("verifySignature", () => {
  const good = sign("token", "1700000000", "nonce");

  it("accepts the right signature, in either case", () => {
    expect(verifySignature(good, "token", "1700000000", "nonce")).toBe(true);
    expect(verifySignature(good.toUpperCase(), "token", "1700000000", "nonce")).toBe(true);
    const m = WECOM.message;
    expect(verifySignature(m.msgSignature, WECOM.token, m.timestamp, m.nonce, m.encrypt)).toBe(true);
  });

  it("rejects a wrong, truncated or empty signature, a different token, and a different encrypt", () => {
    const flipped = (good[0] === "0" ? "1" : "0") + good.slice(1);
    expect(verifySignature(flipped, "token", "1700000000", "nonce")).toBe(false);
    expect(verifySignature(good.slice(0, 39), "token", "1700000000", "nonce")).toBe(false);
    expect(verifySignature("", "token", "1700000000", "nonce")).toBe(false);
    expect(verifySignature(good, "other", "1700000000", "nonce")).toBe(false);
    expect(verifySignature(sign("token", "1", "n", "a"), "token", "1", "n", "b")).toBe(false);
  });
});
