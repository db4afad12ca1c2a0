// Issue 11, finding 1: in plain mode the signature covers token, timestamp and nonce, not the body. A signed
// callback URL seen once (proxy logs keep them) let anyone post as any user: an old signature with a forged
// body, a 2023 signature deleting a user's data, one nonce reused with many bodies. Each attack, replayed.
import { describe, expect, it } from "vitest";
import { sign } from "../../src/channels/wechat/mod.js";
import { TOKEN, newMsgId, nowTimestamp, postPlain, textXml } from "../channels/wechat/harness.js";
import { webhooks } from "./webhooks.js";

const { start: webhook, stop, fileStore } = webhooks();

const secondsAgo = (s: number) => String(Math.floor(Date.now() / 1000) - s);

describe("WeChat plain mode: a captured signature", () => {
  it("six hours old, with a forged body, is refused and reaches no conversation", async () => {
    const h = await webhook();
    const timestamp = secondsAgo(6 * 3600);
    const res = await postPlain(h.url, textXml("o_victim", "结果"), sign(TOKEN, timestamp, "777"), timestamp, "777");
    expect(res.status).toBe(401);
    expect(h.inputs).toEqual([]);
  });

  it("from 2023, asking to delete a user's data, is refused and deletes nothing", async () => {
    const h = await webhook();
    await postPlain(h.url, textXml("o_victim", "35"));
    const stored = await h.store.get("wechat:o_victim");
    const timestamp = "1700000000";
    const res = await postPlain(h.url, textXml("o_victim", "删除我的数据"), sign(TOKEN, timestamp, "42"), timestamp, "42");
    expect(res.status).toBe(401);
    expect(await h.store.get("wechat:o_victim")).toEqual(stored);
  });

  it("a fresh one, reused with other bodies, is accepted once only", async () => {
    const h = await webhook();
    const timestamp = nowTimestamp();
    const signature = sign(TOKEN, timestamp, "900001");
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await postPlain(h.url, textXml(`o_user${i}`, "35"), signature, timestamp, "900001")).status);
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(1).every((s) => s === 401)).toBe(true);
    expect(h.inputs).toHaveLength(1);
  });

  it("is still remembered after a restart, in the file store", async () => {
    const openStore = await fileStore("wechat-replay-");
    const timestamp = nowTimestamp();
    const signature = sign(TOKEN, timestamp, "900002");
    const first = await webhook(await openStore());
    expect((await postPlain(first.url, textXml("o_a", "35", newMsgId()), signature, timestamp, "900002")).status).toBe(200);
    await stop(first);
    const second = await webhook(await openStore());
    expect((await postPlain(second.url, textXml("o_b", "结果", newMsgId()), signature, timestamp, "900002")).status).toBe(401);
    expect(second.inputs).toEqual([]);
  });

  it("that arrives again with the same message (WeChat's own retry) is not refused", async () => {
    const h = await webhook();
    const timestamp = nowTimestamp();
    const signature = sign(TOKEN, timestamp, "900003");
    const body = textXml("o_retry", "35");
    const first = await postPlain(h.url, body, signature, timestamp, "900003");
    const retry = await postPlain(h.url, body, signature, timestamp, "900003");
    expect([first.status, retry.status]).toEqual([200, 200]);
    // The same reply; only its CreateTime (seconds) may differ, when the two requests straddle a second.
    const withoutTime = (xml: string) => xml.replace(/<CreateTime>\d+<\/CreateTime>/, "");
    expect(withoutTime(await retry.text())).toBe(withoutTime(await first.text()));
    expect(h.inputs).toEqual(["35"]);
  });
});
