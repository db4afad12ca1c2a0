// WeChat's retries may reach another instance: MsgId de-duplication and the cached reply live in Redis,
// so a message is handled once and its retry gets the same answer from whichever instance it reaches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatSessions } from "../../src/channels/mod.js";
import { RedisStore } from "../../src/store/mod.js";
import { newMsgId, postPlain, replyContent, startWebhook, textXml, type Harness } from "../channels/wechat/harness.js";
import { haveRedis, startRedis, type RedisProcess } from "../helpers/redis-server.js";

describe.skipIf(!haveRedis)("WeChat on two instances sharing Redis", () => {
  let redis: RedisProcess;
  const opened: { h: Harness; store: RedisStore }[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const { h } of opened) await h.close();
    await redis.kill();
  });

  async function instance(): Promise<Harness> {
    const store = await RedisStore.open({ url: redis.url, prefix: "wx:" });
    const h = await startWebhook({ store, sessions: new ChatSessions(store) });
    opened.push({ h, store });
    return h;
  }

  it("handles a message once, and answers its retry on the other instance with the same reply", async () => {
    const [one, two] = [await instance(), await instance()];
    const body = textXml("o_shared", "你好", newMsgId());
    const first = await postPlain(one.url, body);
    const retry = await postPlain(two.url, body);
    const [a, b] = [replyContent(await first.text(), "o_shared"), replyContent(await retry.text(), "o_shared")];
    expect(b).toBe(a);
    expect([...one.inputs, ...two.inputs]).toEqual(["你好"]);
  });
});
