// Issue 11, Telegram findings: the server waited for Telegram's getMe before listening (so a Telegram outage
// took down every channel); a body of `null` gave 500; bodies had no size limit once the secret matched;
// updates re-sent after a crash ran twice. Each replayed.
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { telegramRoutes } from "../../src/channels/telegram/mod.js";
import { createAppServer } from "../../src/server/server.js";
import { LowdbStore, type SessionStore } from "../../src/store/mod.js";
import { harness } from "../channels/telegram/harness.js";
import { capturedLog } from "../helpers/log.js";
import { freePort } from "../helpers/redis-server.js";
import { startServer } from "../helpers/server-process.js";

const SECRET = "tg_secret-1";
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function serve(store: SessionStore) {
  const h = harness({ store: store as never });
  const server: Server = createAppServer({ routes: telegramRoutes({ bot: h.bot, secretToken: SECRET, store }), log: capturedLog().logger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
  const post = (body: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { h, post, close };
}

const update = (id: number, text: string) =>
  JSON.stringify({ update_id: id, message: { message_id: id, date: 1_700_000_000, chat: { id: 31, type: "private", first_name: "T" }, from: { id: 31, is_bot: false, first_name: "T" }, text } });

describe("Telegram webhook bodies", () => {
  it("answers 400, not 500, to a body that is not an update (null included), and 413 above 1 MB", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tg-"));
    dirs.push(dir);
    const { h, post, close } = await serve(await LowdbStore.open({ dir }));
    for (const body of ["null", "[]", "42", '"x"', '{"update_id":"7"}', '{"update_id":-1}', "{}"]) expect((await post(body)).status, body).toBe(400);
    expect((await post(JSON.stringify({ update_id: 1, pad: "x".repeat(2 * 1024 * 1024) }))).status).toBe(413);
    expect(h.calls).toEqual([]);
    await close();
  });

  it("runs an update Telegram delivers twice only once, also after a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tg-"));
    dirs.push(dir);
    const first = await serve(await LowdbStore.open({ dir }));
    expect((await first.post(update(900, "/start"))).status).toBe(200);
    expect((await first.post(update(900, "/start"))).status).toBe(200);
    const sentBefore = first.h.sent.length;
    expect(sentBefore).toBeGreaterThan(0);
    await first.close();
    const second = await serve(await LowdbStore.open({ dir }));
    expect((await second.post(update(900, "/start"))).status).toBe(200);
    expect(second.h.sent).toEqual([]);
    expect((await second.post(update(901, "35"))).status).toBe(200);
    expect(second.h.sent.length).toBeGreaterThan(0);
    await second.close();
  });
});

describe("Telegram unreachable", () => {
  it("the server still listens: health and web chat answer, the webhook says 503 until the bot is up, and the retries are logged", async () => {
    const closed = await freePort();
    const server = await startServer({
      STORE: "memory",
      TELEGRAM_BOT_TOKEN: "123:FAKE",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}`,
    });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const chat = await fetch(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "" }) });
      expect(chat.status).toBe(200);
      const hook = await fetch(`${server.url}/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: update(1, "hi") });
      expect(hook.status).toBe(503);
      for (let i = 0; i < 100 && !server.lines.some((l) => l.includes("telegram.startup-failed")); i++) await new Promise((r) => setTimeout(r, 50));
      expect(server.lines.some((l) => l.includes('"event":"telegram.startup-failed"'))).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
