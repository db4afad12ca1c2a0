// Webhook mode: Telegram POSTs each update to a URL of ours, with the secret token given to setWebhook in
// the X-Telegram-Bot-Api-Secret-Token header. Checked in this order, the cheap ones first:
//   the secret (401 before the body is read) → the body, at most 1 MB (413) → an update object with an
//   integer update_id (400 otherwise, `null` included; Telegram does not redeliver a 4xx) → the bot is
//   initialised (503 until then: Telegram redelivers later) → not an update already handled (store claim,
//   so a redelivery after a crash, or to another instance, does not run twice) → handled.
// An update still being handled after `timeoutMs` is answered 200 and finished in the background: an
// error status would make Telegram send it again and the user would get every answer twice.
import { timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { HttpError, readBody, send, type RouteHandler } from "../../http/mod.js";
import type { SessionStore } from "../../store/mod.js";

export interface TelegramWebhookOptions {
  readonly bot: Bot;
  /** The secret_token given to setWebhook: 1-256 characters of A-Z, a-z, 0-9, _ and -. */
  readonly secretToken: string;
  /** Remembers handled update_ids. */
  readonly store: Pick<SessionStore, "claim">;
  /** False until bot.init() has succeeded (see startup.ts); default: always ready. */
  readonly ready?: () => boolean;
  /** How long to wait for an update's handling before answering Telegram anyway. Default 10 s. */
  readonly timeoutMs?: number;
}

export const MAX_UPDATE_BYTES = 1024 * 1024;
/** Telegram gives up redelivering after a day. */
const UPDATE_MEMORY_MS = 24 * 60 * 60 * 1000;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

export function createTelegramWebhook(options: TelegramWebhookOptions): RouteHandler {
  const { bot, secretToken, store, ready = () => true, timeoutMs = 10_000 } = options;
  // Without a secret anyone who finds the URL could post updates as any user.
  if (!SECRET_TOKEN.test(secretToken)) throw new Error("secretToken must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
  const expected = Buffer.from(secretToken);

  return async (req, res) => {
    if (req.method !== "POST") throw new HttpError(405, "method not allowed", { allow: "POST" });
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, "secret token mismatch");
    const update = parseUpdate(await readBody(req, MAX_UPDATE_BYTES));
    if (!ready()) throw new HttpError(503, "starting", { "retry-after": "5" });
    // With the store down the update is handled anyway: the user then gets "please send again" from the turn.
    const first = await store.claim(`telegram-update:${bot.botInfo.id}:${update.update_id}`, UPDATE_MEMORY_MS).catch(() => true);
    if (!first) return send(res, 200, "");
    const handling = bot.handleUpdate(update);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    // Handling errors never get here: the bot's error boundary logs them and apologises to the user.
    await Promise.race([handling.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
    send(res, 200, "");
  };
}

/** The body as an Update, or HttpError 400. */
export function parseUpdate(body: string): Update {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new HttpError(400, "not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "not an update");
  const id = (value as { update_id?: unknown }).update_id;
  if (!Number.isSafeInteger(id) || (id as number) < 0) throw new HttpError(400, "not an update");
  return value as Update;
}
