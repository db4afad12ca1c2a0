// Issue 11, finding 2: safe mode parsed the whole XML body before checking msg_signature, so strangers'
// 64 KB bodies pushed a real user's replies past WeChat's 5 s. Now Encrypt is scanned out and checked first.
import { afterEach, describe, expect, it } from "vitest";
import { scanEncrypt } from "../../src/channels/wechat/mod.js";
import { AES_KEY, APP_ID, nowTimestamp, startWebhook, type Harness } from "../channels/wechat/harness.js";

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.close();
  open = [];
});

async function webhook(): Promise<Harness> {
  const h = await startWebhook({ mode: "safe", encodingAESKey: AES_KEY, appId: APP_ID });
  open.push(h);
  return h;
}

describe("WeChat safe mode: authentication before parsing", () => {
  it("refuses a body with a bad msg_signature as unauthenticated even when its XML is broken or hostile", async () => {
    const h = await webhook();
    const query = `?msg_signature=${"0".repeat(40)}&timestamp=${nowTimestamp()}&nonce=1&encrypt_type=aes`;
    const bodies = [
      `<xml><Encrypt><![CDATA[QUJD]]></Encrypt><Broken>${"<a>".repeat(20_000)}`,
      `<!DOCTYPE x [<!ENTITY a "${"b".repeat(1000)}">]><xml><Encrypt>QUJD</Encrypt>${"&a;".repeat(10_000)}</xml>`,
    ];
    // Unauthenticated (401), not malformed (400): the signature was checked before any parsing.
    for (const body of bodies) expect((await fetch(`${h.url}${query}`, { method: "POST", body })).status).toBe(401);
    expect(h.inputs).toEqual([]);
  });

  it("takes Encrypt out with a bounded scan: early, one element, base64 only", () => {
    expect(scanEncrypt("<xml><ToUserName>x</ToUserName><Encrypt><![CDATA[QUJD+/==]]></Encrypt></xml>")).toBe("QUJD+/==");
    expect(scanEncrypt("<xml><Encrypt>QUJD</Encrypt></xml>")).toBe("QUJD");
    expect(scanEncrypt(`<xml>${" ".repeat(5000)}<Encrypt>QUJD</Encrypt></xml>`)).toBeUndefined();
    expect(scanEncrypt("<xml><Encrypt>QUJD</Encrypt><Encrypt>REVG</Encrypt></xml>")).toBeUndefined();
    expect(scanEncrypt("<xml><Encrypt>QU<b>JD</Encrypt></xml>")).toBeUndefined();
    expect(scanEncrypt("<xml><Encrypt>QUJD")).toBeUndefined();
  });
});
