// `npm run telegram`: the Telegram bot by long polling, for one process with a file store.
// Environment: TELEGRAM_BOT_TOKEN (required), STATE_DIR (default .state), SESSION_TTL_HOURS (default 24),
// TELEGRAM_API_ROOT (a self-hosted Bot API server; default https://api.telegram.org), LOG_LEVEL.
// Updates are fetched by @grammyjs/runner and handled concurrently across chats; one chat's updates stay in
// order through its queue (per-chat.ts). Logs name events only: message text is never logged.
import { run } from "@grammyjs/runner";
import { ConfigError, Env, orExit } from "../../env/mod.js";
import { LANGS } from "../../i18n/mod.js";
import { createLogger, LOG_LEVELS } from "../../log/mod.js";
import { createStore } from "../../store/mod.js";
import { onCoreError } from "../../dialogue/mod.js";
import { ChatSessions } from "../chat-session.js";
import { createTelegramBot } from "./bot.js";
import { startInBackground } from "./startup.js";

const settings = orExit("telegram", () => {
  const env = new Env();
  const token = env.string("TELEGRAM_BOT_TOKEN");
  if (!token) throw new ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token.");
  return {
    token,
    dir: env.string("STATE_DIR") ?? ".state",
    ttlMs: env.positive("SESSION_TTL_HOURS", 24) * 3_600_000,
    apiRoot: env.string("TELEGRAM_API_ROOT"),
    defaultLang: env.oneOf("BOT_LANG", LANGS, "zh-CN"),
    level: env.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
  };
});

const log = createLogger({ level: settings.level });
const store = await createStore({ kind: "file", dir: settings.dir }, { ttlMs: settings.ttlMs, log });
const sessions = new ChatSessions(store, { defaultLang: settings.defaultLang, log });
// The core answers a bug with an apology and keeps the user's answers; the log says it happened.
onCoreError((error) => log.error({ event: "dialogue.error", error: (error as Error)?.name ?? "unknown" }, "the conversation core failed on an input"));
const bot = createTelegramBot({ token: settings.token, sessions, log, defaultLang: settings.defaultLang, client: settings.apiRoot ? { apiRoot: settings.apiRoot } : undefined });

const startup = startInBackground(bot, { defaultLang: settings.defaultLang, log });
let runner: ReturnType<typeof run> | undefined;
void startup.done.then(() => {
  if (!bot.isInited()) return;
  runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
  log.info({ event: "telegram.polling" }, "polling for updates");
});

async function stop(signal: string): Promise<void> {
  log.info({ event: "shutdown", signal }, "stopping");
  startup.stop();
  // Updates in hand are finished before the runner's promise settles; then the store's writes land.
  if (runner?.isRunning()) await runner.stop();
  await store.close();
  log.info({ event: "stopped" }, "stopped");
  process.exit(0);
}
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
