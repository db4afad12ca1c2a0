// The behaviour every SessionStore must have, run against each implementation.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DEFAULT_TTL_MS, FileStore, MemoryStore, type SessionStore, type SessionStoreOptions } from "../../src/store/mod.js";

const TTL = 60_000;
const parent = await mkdtemp(join(tmpdir(), "store-contract-"));

interface Harness {
  store: SessionStore;
  clock: { t: number };
}

const implementations: [string, (options: SessionStoreOptions) => Promise<SessionStore>][] = [
  ["MemoryStore", async (options) => new MemoryStore(options)],
  ["FileStore", async (options) => FileStore.open({ ...options, dir: await mkdtemp(join(parent, "s-")) })],
];

describe.each(implementations)("%s", (_name, open) => {
  const opened: SessionStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  async function harness(ttlMs = TTL): Promise<Harness> {
    const clock = { t: 1_700_000_000_000 };
    const store = await open({ ttlMs, now: () => clock.t });
    opened.push(store);
    return { store, clock };
  }

  it("returns undefined for an unknown key", async () => {
    const { store } = await harness();
    expect(await store.get("telegram:1")).toBeUndefined();
  });

  it("returns what was set, with the time it was set", async () => {
    const { store, clock } = await harness();
    const state = { step: "ask-age", answers: { hukou: "济南", note: "😀 <&> ]]>" }, list: [1, null, true] };
    await store.set("wechat:oABC", state);
    expect(await store.get("wechat:oABC")).toEqual({ state, updatedAt: clock.t });
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

  it("overwrites and refreshes updatedAt", async () => {
    const { store, clock } = await harness();
    await store.set("web:x", { v: 1 });
    clock.t += 1000;
    await store.set("web:x", { v: 2 });
    expect(await store.get("web:x")).toEqual({ state: { v: 2 }, updatedAt: clock.t });
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

  it("never returns an expired session, and a new set revives the key", async () => {
    const { store, clock } = await harness();
    await store.set("web:x", { v: 1 });
    clock.t += TTL - 1;
    expect(await store.get("web:x")).toBeDefined();
    clock.t += 1;
    expect(await store.get("web:x")).toBeUndefined();
    await store.set("web:x", { v: 2 });
    expect((await store.get("web:x"))!.state).toEqual({ v: 2 });
  });

  it("defaults to a 24 h ttl", async () => {
    const clock = { t: 0 };
    const store = await open({ now: () => clock.t });
    opened.push(store);
    await store.set("k", 1);
    clock.t = DEFAULT_TTL_MS - 1;
    expect(await store.get("k")).toBeDefined();
    clock.t = DEFAULT_TTL_MS;
    expect(await store.get("k")).toBeUndefined();
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

  it("rejects calls after close", async () => {
    const { store } = await harness();
    await store.close();
    await expect(store.get("k")).rejects.toThrow(/closed/);
    await expect(store.set("k", 1)).rejects.toThrow(/closed/);
    await expect(store.delete("k")).rejects.toThrow(/closed/);
  });

  it("refuses a ttl that is not positive", async () => {
    await expect(open({ ttlMs: 0 })).rejects.toThrow(RangeError);
  });
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});
