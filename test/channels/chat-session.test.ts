// ChatSessions without a channel: turns, restart, forget, language, replay and compare-and-set conflicts.
import { describe, expect, it } from "vitest";
import { ChatSessions } from "../../src/channels/mod.js";
import { translator } from "../../src/i18n/mod.js";
import { MemoryStore, type SetOptions } from "../../src/store/mod.js";

describe("ChatSessions", () => {
  it("restarts, forgets and tells a conversation's language", async () => {
    const store = new MemoryStore();
    const sessions = new ChatSessions(store, "en");
    expect(await sessions.lang("telegram:1")).toBe("en");
    const opened = await sessions.restart("telegram:1", "zh-CN");
    expect(opened.turn).toBe(0);
    expect(await sessions.lang("telegram:1")).toBe("zh-CN");
    await sessions.handle("telegram:1", "35");
    await sessions.forget("telegram:1");
    expect(await store.get("telegram:1")).toBeUndefined();
  });

  it("replays the last turn for its own number and reports it as replayed", async () => {
    const sessions = new ChatSessions(new MemoryStore());
    const first = await sessions.handle("web:a", "35", { turn: 0, lang: "zh-CN" });
    const again = await sessions.handle("web:a", "35", { turn: 0, lang: "zh-CN" });
    expect(again).toMatchObject({ replayed: true, turn: first.turn });
    expect(again.replies).toEqual(first.replies);
  });

  it("starts again from the welcome when a client answers a turn of a conversation that is gone", async () => {
    const sessions = new ChatSessions(new MemoryStore());
    const turn = await sessions.handle("web:gone", "35", { turn: 7, lang: "en" });
    expect(turn).toMatchObject({ replayed: true, turn: 0 });
    expect(turn.replies[0]!.text).toBe(translator("en")("welcome"));
  });

  it("runs a turn again on the newer state when another instance stored first", async () => {
    class RacedStore extends MemoryStore {
      raced = false;
      override async set(key: string, state: unknown, options?: SetOptions): Promise<boolean> {
        if (!this.raced && options?.ifVersion !== undefined) {
          this.raced = true;
          await super.set(key, state); // another instance's write, just before ours
        }
        return super.set(key, state, options);
      }
    }
    const store = new RacedStore();
    const sessions = new ChatSessions(store);
    await sessions.handle("web:r", "hello");
    const turn = await sessions.handle("web:r", "35");
    expect(turn.failed).toBe(false);
    expect((await store.get("web:r"))!.version).toBe(3);
  });

  it("asks to send again, without applying, when the store fails", async () => {
    class FailingStore extends MemoryStore {
      override set(): Promise<boolean> {
        return Promise.reject(new Error("down"));
      }
    }
    const sessions = new ChatSessions(new FailingStore());
    const turn = await sessions.handle("web:f", "35", { turn: 0 });
    expect(turn).toMatchObject({ failed: true, turn: 0 });
    expect(turn.replies.map((r) => r.text)).toEqual([translator("zh-CN")("service.tryAgain")]);
  });
});
