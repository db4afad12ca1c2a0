// WeChat's five seconds: an answer not ready in time is answered "success" and kept for the user's next
// message; a retry of the timed-out message collects it once it is ready.
import { describe, expect, it } from "vitest";
import { outboxKey } from "../../../src/channels/wechat/mod.js";
import { MemoryStore, type SetOptions } from "../../../src/store/mod.js";
import { answerTo, fakeSessions, say, useWebhooks } from "./fakes.js";
import { newMsgId, sleep } from "./harness.js";

const webhook = useWebhooks();

describe("the 5-second rule", () => {
  it("a slow core gets success within the timeout, and the next message delivers the kept answer", async () => {
    const h = await webhook({ replyTimeoutMs: 100, sessions: fakeSessions(answerTo, 300) });
    expect(await say(h, "o_ivy", "first")).toBe("success");
    await sleep(350);
    expect((await h.store.get(outboxKey("o_ivy")))?.state).toMatchObject({ late: true });
    // "hello?" is not taken as an answer to a question the user has not seen: it fetches the kept answer.
    expect(await say(h, "o_ivy", "hello?")).toBe("answer to first");
    expect(h.inputs).toEqual(["first"]);
    expect(await h.store.get(outboxKey("o_ivy"))).toBeUndefined();
    expect(h.logs.some((l) => l.includes("too late"))).toBe(true);
  });

  it("a message sent while the slow answer is still being worked out waits for it", async () => {
    const h = await webhook({ replyTimeoutMs: 200, sessions: fakeSessions(answerTo, 250) });
    const first = say(h, "o_jack", "first");
    await sleep(120);
    const second = say(h, "o_jack", "again");
    expect(await first).toBe("success");
    expect(await second).toBe("answer to first");
    expect(h.inputs).toEqual(["first"]);
  });

  it("a slow store counts too; a retry of the timed-out message collects the answer once it is ready", async () => {
    class SlowStore extends MemoryStore {
      override async set(key: string, state: unknown, options?: SetOptions): Promise<boolean> {
        if (key.startsWith("wechat:")) await sleep(150);
        return super.set(key, state, options);
      }
    }
    const store = new SlowStore();
    const h = await webhook({ store, replyTimeoutMs: 80 });
    const id = newMsgId();
    expect(await say(h, "o_kim", "你好", id)).toBe("success");
    await sleep(150);
    const retry = await say(h, "o_kim", "你好", id);
    expect(retry).toContain("您今年多大年纪");
    expect(h.inputs).toEqual(["你好"]);
    expect(await store.get(outboxKey("o_kim"))).toBeUndefined();
  });
});

