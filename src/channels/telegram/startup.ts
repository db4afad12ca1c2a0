// Telegram is often unreachable from a server in mainland China, so nothing else may wait for it: the
// server listens first, and the bot is initialised (getMe), its commands registered and its webhook set in
// the background, retried with a growing pause and one log line per failure. Until init succeeds the
// webhook answers 503, which Telegram retries.
import type { Bot } from "grammy";
import type { Lang } from "../../i18n/mod.js";
import type { Logger } from "../../log/mod.js";
import { describeError } from "./bot.js";
import { registerCommands } from "./commands.js";

export interface StartupOptions {
  readonly defaultLang: Lang;
  readonly log: Logger;
  /** Registered with setWebhook once the bot is up, when given. */
  readonly webhook?: { readonly url: string; readonly secretToken: string };
  /** First pause between attempts; doubles up to a minute. Default 1 s. */
  readonly firstPauseMs?: number;
}

export interface BotStartup {
  /** True once bot.init() has succeeded. */
  ready(): boolean;
  /** Settles when start-up has finished or been stopped. */
  readonly done: Promise<void>;
  stop(): void;
}

export function startInBackground(bot: Bot, options: StartupOptions): BotStartup {
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  async function attempt<T>(step: string, work: () => Promise<T>): Promise<boolean> {
    for (let wait = options.firstPauseMs ?? 1000; !stopped; wait = Math.min(wait * 2, 60_000)) {
      try {
        await work();
        return true;
      } catch (err) {
        options.log.warn({ event: "telegram.startup-failed", step, error: describeError(err), retryInMs: wait }, "Telegram not reachable yet; retrying");
        await pause(wait);
      }
    }
    return false;
  }

  const done = (async () => {
    // Not bot.init(): it retries a network failure for ever, silently. getMe through the API fails, and is retried here.
    if (!bot.isInited() && !(await attempt("init", async () => void (bot.botInfo = await bot.api.getMe())))) return;
    options.log.info({ event: "telegram.ready" }, "Telegram bot initialised");
    await attempt("commands", () => registerCommands(bot.api, options.defaultLang));
    const hook = options.webhook;
    if (hook) await attempt("webhook", () => bot.api.setWebhook(hook.url, { secret_token: hook.secretToken, allowed_updates: ["message", "callback_query"] }));
  })();

  return {
    ready: () => bot.isInited(),
    done,
    stop: () => {
      stopped = true;
      wake?.();
    },
  };
}
