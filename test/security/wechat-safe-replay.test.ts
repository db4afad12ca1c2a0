// Issue 11, finding 1 (safe mode): a captured encrypted message replayed minutes later, or after a restart,
// wiped a user's answers.
import { encrypt as wecomEncrypt, getSignature } from "@wecom/crypto";
import { describe, expect, it } from "vitest";
import { AES_KEY, APP_ID, TOKEN, cdata, nowTimestamp, postSafe, textXml } from "../channels/wechat/harness.js";
import { webhooks } from "./webhooks.js";

const { start: webhook, stop, fileStore } = webhooks({ mode: "safe", encodingAESKey: AES_KEY, appId: APP_ID });

/** One encrypted POST as captured on the wire, to be sent again as it was. */
function capture(inner: string, timestamp: string, nonce: string) {
  const encrypt = wecomEncrypt(AES_KEY, inner, APP_ID);
  const query = new URLSearchParams({ msg_signature: getSignature(TOKEN, timestamp, nonce, encrypt), timestamp, nonce, encrypt_type: "aes" });
  const body = `<xml><ToUserName>${cdata("gh_0123456789ab")}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
  return (url: string) => fetch(`${url}?${query}`, { method: "POST", body });
}

describe("WeChat safe mode: a captured message", () => {
  it("replayed after its timestamp window is refused", async () => {
    const h = await webhook();
    const old = String(Math.floor(Date.now() / 1000) - 301);
    expect((await capture(textXml("o_victim", "重新开始"), old, "5001")(h.url)).status).toBe(401);
    expect(h.inputs).toEqual([]);
  });

  it("replayed after a restart does not wipe the user's answers", async () => {
    const openStore = await fileStore("wechat-safe-");
    const first = await webhook(await openStore());
    const restart = capture(textXml("o_victim", "重新开始"), nowTimestamp(), "5002");
    expect((await restart(first.url)).status).toBe(200);
    expect((await postSafe(first.url, textXml("o_victim", "35"))).status).toBe(200);
    const answered = await first.store.get("wechat:o_victim");
    await stop(first);
    const second = await webhook(await openStore());
    expect((await restart(second.url)).status).toBe(200); // WeChat's own retry looks the same: answered, not applied
    expect(second.inputs).toEqual([]);
    expect(await second.store.get("wechat:o_victim")).toEqual(answered);
  });
});
