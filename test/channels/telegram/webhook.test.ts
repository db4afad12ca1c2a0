import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramWebhook } from "../../../src/channels/telegram/mod.js";
import { HttpError } from "../../../src/http/mod.js";
import { harness } from "./harness.js";

const SECRET = "s3cret_Token-1";
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: ReturnType<typeof createTelegramWebhook>): Promise<string> {
  server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      res.writeHead(err instanceof HttpError ? err.status : 500).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/telegram`;
}

const update = {
  update_id: 1,
  message: { message_id: 1, date: 1_700_000_000, chat: { id: 9, type: "private", first_name: "T" }, from: { id: 9, is_bot: false, first_name: "T" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
};

function post(url: string, body: string, secret?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
  return fetch(url, { method: "POST", headers, body });
}

describe("telegram webhook", () => {
  it("refuses a missing or wrong secret with 401 and handles nothing", async () => {
    const h = harness();
    const url = await serve(createTelegramWebhook({ bot: h.bot, secretToken: SECRET, store: h.store }));
    expect((await post(url, JSON.stringify(update))).status).toBe(401);
    expect((await post(url, JSON.stringify(update), "wrong")).status).toBe(401);
    expect((await post(url, JSON.stringify(update), `${SECRET}x`)).status).toBe(401);
    expect((await fetch(url, { method: "POST" })).status).toBe(401);
    expect(h.calls).toEqual([]);
    expect(await h.store.get("telegram:9")).toBeUndefined();
  });

  it("handles an update with the right secret: 200, and the bot answers", async () => {
    const h = harness();
    const url = await serve(createTelegramWebhook({ bot: h.bot, secretToken: SECRET, store: h.store }));
    const res = await post(url, JSON.stringify(update), SECRET);
    expect(res.status).toBe(200);
    expect(h.sent.map((m) => m.chat_id)).toEqual([9, 9]);
    expect(await h.store.get("telegram:9")).toBeDefined();
  });

  it("answers 400 to a body that is not JSON", async () => {
    const h = harness();
    const url = await serve(createTelegramWebhook({ bot: h.bot, secretToken: SECRET, store: h.store }));
    expect((await post(url, "{not json", SECRET)).status).toBe(400);
  });

  it("refuses to run without a usable secret", () => {
    const h = harness();
    expect(() => createTelegramWebhook({ bot: h.bot, secretToken: "", store: h.store })).toThrow(/secretToken/);
    expect(() => createTelegramWebhook({ bot: h.bot, secretToken: "has space", store: h.store })).toThrow(/secretToken/);
  });
});
