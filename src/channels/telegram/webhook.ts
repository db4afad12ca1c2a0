// Webhook mode: Telegram POSTs each update to a URL of ours, with the secret token given to setWebhook in
// the X-Telegram-Bot-Api-Secret-Token header. The handler mounts on the shared server at any path.
import { webhookCallback, type Bot } from "grammy";
import { send, type RouteHandler } from "../../server/http.js";

export interface TelegramWebhookOptions {
  readonly bot: Bot;
  /** The secret_token given to setWebhook: 1-256 characters of A-Z, a-z, 0-9, _ and -. */
  readonly secretToken: string;
  /** How long to wait for an update's handling before answering Telegram anyway. Default 10 s. */
  readonly timeoutMs?: number;
}

const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * A request without the right secret gets 401 before its body is read; a body that is not JSON gets 400.
 * An update still being handled after `timeoutMs` is answered 200 and finished in the background: an
 * error status would make Telegram send the update again and the user would get every answer twice.
 * Handling errors never reach the server: the bot's error boundary logs them and apologises to the user.
 * Note that webhookCallback disables bot.start(): one bot runs either by webhook or by long polling.
 */
export function createTelegramWebhook(options: TelegramWebhookOptions): RouteHandler {
  const { bot, secretToken, timeoutMs = 10_000 } = options;
  // Without a secret anyone who finds the URL could post updates as any user.
  if (!SECRET_TOKEN.test(secretToken)) throw new Error("secretToken must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
  const callback = webhookCallback(bot, "http", { secretToken, onTimeout: "return", timeoutMilliseconds: timeoutMs });
  return async (req, res) => {
    try {
      await callback(req, res);
    } catch (err) {
      if (err instanceof SyntaxError) send(res, 400, "bad request");
      else throw err;
    }
  };
}
