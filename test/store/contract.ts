// The behaviour every SessionStore must have. Each implementation's test file calls sessionStoreContract with
// a way to open a fresh store, so a new store is a new file here, not an edit of someone else's test.
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_TTL_MS, type SessionStore, type SessionStoreOptions } from "../../src/store/mod.js";

const TTL = 60_000;

export type OpenStore = (options: SessionStoreOptions) => Promise<SessionStore>;

export function sessionStoreContract(name: string, open: OpenStore): void {
  describe(`${name} (the store contract)`, () => {
    const opened: SessionStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    async function harness(options: SessionStoreOptions = {}) {
      const clock = { t: 1_700_000_000_000 };
      const store = await open({ ttlMs: TTL, now: () => clock.t, ...options });
      opened.push(store);
      return { store, clock };
    }

    it("returns undefined for an unknown key", async () => {
      const { store } = await harness();
      expect(await store.get("telegram:1")).toBeUndefined();
    });

    it("returns what was set, with the time it was set and version 1", async () => {
      const { store, clock } = await harness();
      const state = { step: "ask-age", answers: { hukou: "济南", note: "😀 <&> ]]>" }, list: [1, null, true] };
      expect(await store.set("wechat:oABC", state)).toBe(true);
      expect(await store.get("wechat:oABC")).toEqual({ state, updatedAt: clock.t, version: 1 });
    });

    it("keeps copies, so callers mutating objects change nothing stored", async () => {
      const { store } = await harness();
      const state = { n: 1 };
      await store.set("cli:local", state);
      state.n = 2;
      const got = (await store.get("cli:local"))!.state as { n: number };
      got.n = 3;
      expect((await store.get("cli:local"))!.state).toEqual({ n: 1 });
    });

    it("overwrites, refreshes updatedAt and counts the version up", async () => {
      const { store, clock } = await harness();
      await store.set("web:x", { v: 1 });
      clock.t += 1000;
      await store.set("web:x", { v: 2 });
      expect(await store.get("web:x")).toEqual({ state: { v: 2 }, updatedAt: clock.t, version: 2 });
    });

    it("stores only on the expected version (compare-and-set)", async () => {
      const { store } = await harness();
      expect(await store.set("web:x", { v: 1 }, { ifVersion: 1 })).toBe(false);
      expect(await store.get("web:x")).toBeUndefined();
      expect(await store.set("web:x", { v: 1 }, { ifVersion: 0 })).toBe(true);
      expect(await store.set("web:x", { v: "lost" }, { ifVersion: 0 })).toBe(false);
      expect(await store.set("web:x", { v: 2 }, { ifVersion: 1 })).toBe(true);
      expect(await store.set("web:x", { v: "stale" }, { ifVersion: 1 })).toBe(false);
      expect(await store.get("web:x")).toMatchObject({ state: { v: 2 }, version: 2 });
    });

    it("lets exactly one of many concurrent compare-and-sets on one version win, so none is lost", async () => {
      const { store } = await harness();
      await store.set("web:counter", { n: 0 });
      const increment = async () => {
        for (;;) {
          const current = (await store.get("web:counter"))!;
          const n = (current.state as { n: number }).n;
          if (await store.set("web:counter", { n: n + 1 }, { ifVersion: current.version })) return;
        }
      };
      await Promise.all(Array.from({ length: 50 }, increment));
      expect(await store.get("web:counter")).toMatchObject({ state: { n: 50 }, version: 51 });
    });

    it("deletes, and deleting an unknown key is fine", async () => {
      const { store } = await harness();
      await store.set("telegram:1", { a: 1 });
      await store.set("telegram:2", { a: 2 });
      await store.delete("telegram:1");
      await store.delete("telegram:404");
      expect(await store.get("telegram:1")).toBeUndefined();
      expect((await store.get("telegram:2"))!.state).toEqual({ a: 2 });
    });

    it("makes a delete visible at once, before its promise settles", async () => {
      const { store } = await harness();
      await store.set("telegram:1", { a: 1 });
      const deleting = store.delete("telegram:1");
      expect(await store.get("telegram:1")).toBeUndefined();
      await deleting;
    });

    it("never returns an expired session; a new set revives the key at version 1", async () => {
      const { store, clock } = await harness();
      await store.set("web:x", { v: 1 });
      await store.set("web:x", { v: 2 });
      clock.t += TTL - 1;
      expect(await store.get("web:x")).toBeDefined();
      clock.t += 1;
      expect(await store.get("web:x")).toBeUndefined();
      expect(await store.set("web:x", { v: 3 }, { ifVersion: 0 })).toBe(true);
      expect(await store.get("web:x")).toMatchObject({ state: { v: 3 }, version: 1 });
    });

    it("gives a key its own lifetime when asked", async () => {
      const { store, clock } = await harness();
      await store.set("wechat-reply:1", "short", { ttlMs: 1000 });
      await store.set("web:long", "long");
      clock.t += 1000;
      expect(await store.get("wechat-reply:1")).toBeUndefined();
      expect(await store.get("web:long")).toBeDefined();
    });

    it("defaults to a 24 h ttl", async () => {
      const clock = { t: 1_000 };
      const store = await open({ now: () => clock.t });
      opened.push(store);
      await store.set("k", 1);
      clock.t += DEFAULT_TTL_MS - 1;
      expect(await store.get("k")).toBeDefined();
      clock.t += 1;
      expect(await store.get("k")).toBeUndefined();
    });

    it("claims an id once, until its time is up", async () => {
      const { store, clock } = await harness();
      expect(await store.claim("wechat-seen:id:1", 5000)).toBe(true);
      expect(await store.claim("wechat-seen:id:1", 5000)).toBe(false);
      expect(await store.claim("wechat-seen:id:2", 5000)).toBe(true);
      clock.t += 5000;
      expect(await store.claim("wechat-seen:id:1", 5000)).toBe(true);
    });

    it("lets one of many concurrent claims of an id win", async () => {
      const { store } = await harness();
      const wins = await Promise.all(Array.from({ length: 30 }, () => store.claim("telegram-update:7", 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it("keeps at most maxSessions, dropping expired ones first, then the least recently updated", async () => {
      const { store, clock } = await harness({ maxSessions: 3 });
      await store.set("a", 1, { ttlMs: 10 });
      clock.t += 1;
      await store.set("b", 2);
      clock.t += 1;
      await store.set("c", 3);
      clock.t += 1000;
      await store.set("b", 22); // b is now the most recent
      await store.set("d", 4); // a has expired: it goes, nothing live does
      expect((await store.get("c"))?.state).toBe(3);
      await store.set("e", 5); // full of live sessions: c, the least recently updated, goes
      expect(await store.get("c")).toBeUndefined();
      expect([(await store.get("b"))?.state, (await store.get("d"))?.state, (await store.get("e"))?.state]).toEqual([22, 4, 5]);
    });

    it("keeps all of 200 concurrent sets to different keys", async () => {
      const { store } = await harness();
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.set(`web:${i}`, { i })));
      for (let i = 0; i < 200; i++) expect((await store.get(`web:${i}`))?.state).toEqual({ i });
    });

    it("ends with the last of many concurrent sets to one key", async () => {
      const { store } = await harness();
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.set("web:same", { i })));
      expect((await store.get("web:same"))?.state).toEqual({ i: 49 });
    });

    it("rejects states that are not JSON, and keeps the old one", async () => {
      const { store } = await harness();
      await store.set("k", { ok: true });
      await expect(store.set("k", undefined)).rejects.toThrow(TypeError);
      await expect(store.set("k", () => 1)).rejects.toThrow(TypeError);
      await expect(store.set("k", { n: 1n })).rejects.toThrow(TypeError);
      await expect(store.set("", 1)).rejects.toThrow(TypeError);
      expect((await store.get("k"))?.state).toEqual({ ok: true });
    });

    it("counts requests per client in its limiters, and refuses past the budget", async () => {
      const { store } = await harness();
      const limiter = store.limiter({ name: `test-${Math.random()}`, points: 3, windowSeconds: 60 });
      for (let i = 0; i < 3; i++) await limiter.consume("203.0.113.9");
      await expect(limiter.consume("203.0.113.9")).rejects.toMatchObject({ msBeforeNext: expect.any(Number) });
      await expect(limiter.consume("203.0.113.10")).resolves.toBeDefined();
    });

    it("is healthy while open, and rejects calls after close", async () => {
      const { store } = await harness();
      expect(await store.health()).toEqual({ ok: true });
      await store.close();
      expect((await store.health()).ok).toBe(false);
      await expect(store.get("k")).rejects.toThrow(/closed/);
      await expect(store.set("k", 1)).rejects.toThrow(/closed/);
      await expect(store.delete("k")).rejects.toThrow(/closed/);
      await expect(store.claim("k", 1)).rejects.toThrow(/closed/);
    });

    it("refuses a ttl that is not positive", async () => {
      await expect(open({ ttlMs: 0 })).rejects.toThrow(RangeError);
    });
  });
}
