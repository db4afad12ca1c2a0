// Issue 11, "turns are not idempotent": after a crash, sessions held an answer the client never saw
// acknowledged, and a resent "没有" could be recorded as the answer to a different question.
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/dialogue/mod.js";
import { MemoryStore } from "../../src/store/mod.js";
import { startWebServer } from "../channels/web/harness.js";

interface ChatBody {
  session: string;
  turn: number;
  lang: string;
  replies: Reply[];
}

describe("a resent web turn", () => {
  it("gets the same replies and is applied once, so it never answers the next question", async () => {
    const store = new MemoryStore();
    const h = await startWebServer(store);
    const chat = async (body: Record<string, unknown>) => (await (await fetch(`${h.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as ChatBody;
    try {
      const opened = await chat({ text: "" });
      const age = await chat({ session: opened.session, text: "35", turn: opened.turn, lang: "zh-CN" });
      const hukou = age.replies.at(-1)!.options![0]!.value;
      const afterHukou = await chat({ session: opened.session, text: hukou, turn: age.turn, lang: "zh-CN" });
      const key = `web:${opened.session}`;
      const before = await store.get(key);

      // The reply to "no" was lost (a crash, a dropped connection): the page sends it again, same turn.
      const no = await chat({ session: opened.session, text: "没有", turn: afterHukou.turn, lang: "zh-CN" });
      const applied = await store.get(key);
      const again = await chat({ session: opened.session, text: "没有", turn: afterHukou.turn, lang: "zh-CN" });
      expect(again.replies).toEqual(no.replies);
      expect(again.turn).toBe(no.turn);
      expect(await store.get(key)).toEqual(applied);
      expect(applied!.version).toBe(before!.version + 1);

      // An even older resend (the age) changes nothing either; it shows where the conversation is.
      const stale = await chat({ session: opened.session, text: "35", turn: opened.turn, lang: "zh-CN" });
      expect(stale.turn).toBe(no.turn);
      expect(await store.get(key)).toEqual(applied);
    } finally {
      await h.close();
    }
  });
});
