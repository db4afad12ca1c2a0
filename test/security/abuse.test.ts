// Issue 11, abuse findings: one client created 39,201 sessions in 150 s, each kept 24 h; there was no rate
// limit, no session cap and no connection limit; no Host check. Each replayed against the real server.
import type { Server } from "node:http";
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ChatSessions } from "../../src/channels/mod.js";
import { webChatRoutes } from "../../src/channels/web/mod.js";
import { RequestLimits } from "../../src/server/limits.js";
import { closeGracefully, createAppServer } from "../../src/server/server.js";
import { MemoryStore } from "../../src/store/mod.js";
import { capturedLog } from "../helpers/log.js";

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeGracefully(server, 500);
  server = undefined;
});

async function serve(options: { store?: MemoryStore; webPerMinute?: number; allowedHosts?: string[]; maxConnections?: number } = {}) {
  const store = options.store ?? new MemoryStore();
  const log = capturedLog();
  const sessions = new ChatSessions(store, { log: log.logger });
  const limits = new RequestLimits(store, { webPerMinute: options.webPerMinute ?? 10_000, webhookPerMinute: 10_000 });
  server = createAppServer({ routes: webChatRoutes({ sessions }), store, log: log.logger, limits, allowedHosts: options.allowedHosts, maxConnections: options.maxConnections });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chat = (body: Record<string, unknown>) => fetch(`${base}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { base, chat, store, log };
}

describe("a flood of new conversations", () => {
  it("stores nothing until a first real answer", async () => {
    const { chat, store } = await serve();
    const sessions: string[] = [];
    for (let i = 0; i < 300; i++) sessions.push(((await (await chat({ text: "" })).json()) as { session: string }).session);
    for (const id of sessions) expect(await store.get(`web:${id}`)).toBeUndefined();
    const first = (await (await chat({ text: "" })).json()) as { session: string; turn: number };
    await chat({ session: first.session, text: "35", turn: first.turn });
    expect(await store.get(`web:${first.session}`)).toBeDefined();
  });

  it("is capped: past maxSessions the least recently used conversation goes, not the server", async () => {
    const { chat, store } = await serve({ store: new MemoryStore({ maxSessions: 20 }) });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const opened = (await (await chat({ text: "" })).json()) as { session: string; turn: number };
      expect((await chat({ session: opened.session, text: "35", turn: opened.turn })).status).toBe(200);
      ids.push(opened.session);
    }
    const kept = [];
    for (const id of ids) if (await store.get(`web:${id}`)) kept.push(id);
    expect(kept).toEqual(ids.slice(-20));
  });
});

describe("the rate limit", () => {
  it("answers a client over its budget with 429 and Retry-After, before any work is done", async () => {
    const { chat, store } = await serve({ webPerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await chat({ text: "" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await chat({ session: "6f9619ff-8b86-4011-b42d-00c04fc964ff", text: "35", turn: 0 });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await store.get("web:6f9619ff-8b86-4011-b42d-00c04fc964ff")).toBeUndefined();
  });

  it("logs rejected requests at a bounded rate", async () => {
    const { chat, log } = await serve({ webPerMinute: 1 });
    for (let i = 0; i < 60; i++) await chat({ text: "" });
    const rejected = log.events().filter((e) => e === "http.rejected");
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.length).toBeLessThanOrEqual(10);
  });
});

describe("connections and hosts", () => {
  it("holds at most maxConnections, and answers again once idle sockets are gone", async () => {
    const { base } = await serve({ maxConnections: 20 });
    const { port } = new URL(base);
    const sockets: Socket[] = [];
    for (let i = 0; i < 60; i++) sockets.push(connect(Number(port), "127.0.0.1"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const count = await new Promise<number>((resolve) => server!.getConnections((_err, n) => resolve(n)));
    expect(count).toBeLessThanOrEqual(20);
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("answers only the allowed Host names when a list is set", async () => {
    const { base } = await serve({ allowedHosts: ["bot.example.org"] });
    const { port } = new URL(base);
    const ask = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), "127.0.0.1", () => socket.write(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
        let data = "";
        socket.on("data", (chunk) => (data += chunk.toString()));
        socket.on("close", () => resolve(data.split("\r\n")[0]!));
      });
    expect(await ask("bot.example.org")).toContain("200");
    expect(await ask("bot.example.org:443")).toContain("200");
    expect(await ask("evil.example")).toContain("421");
  });
});
