// The one server: routes every channel, answers bad input with a 4xx without falling over,
// and finishes replies in flight when asked to stop.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatSessions } from "../../src/channels/chat-session.js";
import { createTelegramBot, telegramRoutes } from "../../src/channels/telegram/mod.js";
import { webChatRoutes } from "../../src/channels/web/mod.js";
import { sign, wechatRoutes } from "../../src/channels/wechat/mod.js";
import { closeGracefully, createAppServer } from "../../src/server/server.js";
import { ConfigError, serverConfigFromEnv } from "../../src/server/config.js";
import { MemoryStore } from "../../src/store/mod.js";
import { botInfo } from "../channels/telegram/harness.js";
import { capturedLog } from "../helpers/log.js";

const TOKEN = "serverTestToken";
const SECRET = "serverTestSecret";
const log = capturedLog();
let server: Server;
let base: string;
let store: MemoryStore;

beforeAll(async () => {
  store = new MemoryStore();
  const sessions = new ChatSessions(store);
  const bot = createTelegramBot({ token: "1:fake", sessions, botInfo });
  bot.api.config.use(async () => ({ ok: true, result: true }) as never); // nothing leaves the process
  const routes = [
    ...webChatRoutes({ sessions }),
    ...wechatRoutes({ sessions, store, token: TOKEN, mode: "plain", flavor: "oa", now: () => 1700000000_000 }),
    ...telegramRoutes({ bot, secretToken: SECRET, store }),
  ];
  server = createAppServer({ routes, store, log: log.logger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeGracefully(server, 1000);
  await store.close();
});

describe("the server", () => {
  it("answers the health check and 404 for unknown paths", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok");
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("serves the web chat page and its API on the same port", async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const chat = await fetch(`${base}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "" }) });
    expect(chat.status).toBe(200);
    const body = (await chat.json()) as { session: string; replies: { text: string }[] };
    expect(body.replies.length).toBeGreaterThan(0);
  });

  it("routes the WeChat webhook: good signature echoes, bad one gets 401", async () => {
    const q = { timestamp: "1700000000", nonce: "n1", echostr: "hello" };
    const good = await fetch(`${base}/wechat?signature=${sign(TOKEN, q.timestamp, q.nonce)}&timestamp=${q.timestamp}&nonce=${q.nonce}&echostr=${q.echostr}`);
    expect(await good.text()).toBe("hello");
    const bad = await fetch(`${base}/wechat?signature=00&timestamp=${q.timestamp}&nonce=${q.nonce}&echostr=${q.echostr}`);
    expect(bad.status).toBe(401);
  });

  it("routes the Telegram webhook and checks its secret", async () => {
    const update = { update_id: 1, message: { message_id: 1, date: 1, chat: { id: 5, type: "private", first_name: "x" }, from: { id: 5, is_bot: false, first_name: "x" }, text: "hi" } };
    const post = (secret?: string) =>
      fetch(`${base}/telegram`, { method: "POST", headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) }, body: JSON.stringify(update) });
    expect((await post()).status).toBe(401);
    expect((await post("wrong")).status).toBe(401);
    expect((await post(SECRET)).status).toBe(200);
  });

  it.each([
    ["junk JSON", "/api/chat", "application/json", "{nope", 400],
    ["a wrong content type", "/api/chat", "text/plain", "hello", 415],
    ["an oversized body", "/api/chat", "application/json", JSON.stringify({ text: "x".repeat(200_000) }), 413],
    ["junk XML with a valid signature", "/wechat", "text/xml", "<xml><unclosed>", 400],
    ["junk JSON to Telegram", "/telegram", "application/json", "{nope", 400],
  ])("answers %s with a 4xx and stays up", async (_, path, type, body, status) => {
    const ts = "1700000000";
    const query = path === "/wechat" ? `?signature=${sign(TOKEN, ts, "n")}&timestamp=${ts}&nonce=n` : "";
    const headers: Record<string, string> = { "content-type": type, ...(path === "/telegram" ? { "x-telegram-bot-api-secret-token": SECRET } : {}) };
    const res = await fetch(`${base}${path}${query}`, { method: "POST", headers, body });
    expect(res.status).toBe(status);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("finishes a reply in flight when shutting down", async () => {
    let release!: () => void;
    const handle = async (_req: unknown, res: { end(body: string): void }) => {
      await new Promise<void>((r) => (release = r));
      res.end("done");
    };
    const slow = createAppServer({ routes: [{ path: "/wechat", handle }], log: log.logger });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/wechat`;
    const pending = fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const closing = closeGracefully(slow, 5000);
    release();
    expect(await pending).toBe("done");
    await closing;
  });
});

describe("server configuration", () => {
  it("defaults to the web chat on 127.0.0.1:8080 with a file store", () => {
    expect(serverConfigFromEnv({})).toMatchObject({ port: 8080, host: "127.0.0.1", store: { kind: "file", dir: ".state" }, ttlMs: 86_400_000, web: true });
  });

  it("takes an empty variable as unset, so HOST= never binds every interface", () => {
    expect(serverConfigFromEnv({ HOST: "", PORT: " ", STORE: "", BOT_LANG: "" })).toMatchObject({ host: "127.0.0.1", port: 8080, store: { kind: "file" }, defaultLang: "zh-CN" });
  });

  it("reads the Redis store, limits and the Host allow-list", () => {
    const config = serverConfigFromEnv({ STORE: "redis", REDIS_URL: "redis://127.0.0.1:6379", ALLOWED_HOSTS: "Bot.Example.org, localhost", RATE_LIMIT_WEB_PER_MINUTE: "30" });
    expect(config).toMatchObject({ store: { kind: "redis", url: "redis://127.0.0.1:6379" }, allowedHosts: ["bot.example.org", "localhost"], limits: { webPerMinute: 30 } });
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ SESSION_TTL_HOURS: "-1" }, "SESSION_TTL_HOURS"],
    [{ STORE: "disk" }, "STORE"],
    [{ STORE: "redis" }, "REDIS_URL"],
    [{ TELEGRAM_BOT_TOKEN: "1:x" }, "TELEGRAM_WEBHOOK_SECRET"],
  ])("rejects %o naming the variable", (env, name) => {
    expect(() => serverConfigFromEnv(env)).toThrow(ConfigError);
    expect(() => serverConfigFromEnv(env)).toThrow(name);
  });
});
