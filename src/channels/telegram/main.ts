// `npm run telegram`: the Telegram bot by long polling, for one process with a file store.
// Environment: TELEGRAM_BOT_TOKEN (required), STATE_DIR (default .state), SESSION_TTL_HOURS (default 24),
// TELEGRAM_API_ROOT (a self-hosted Bot API server; default https://api.telegram.org).
// Logs go to stderr and name events only: message text is never logged.
import { ChatSessions } from "../chat-session.js";
import { createStore } from "../../store/mod.js";
import { createTelegramBot, describeError } from "./bot.js";
import { registerCommands } from "./commands.js";

const log = (line: string): void => console.error(line);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const token = process.env.TELEGRAM_BOT_TOKEN?.trim();
if (!token) fail("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token.");

const ttlHours = process.env.SESSION_TTL_HOURS?.trim();
const ttl = ttlHours ? Number(ttlHours) : undefined;
if (ttl !== undefined && !(Number.isFinite(ttl) && ttl > 0)) fail(`SESSION_TTL_HOURS must be a positive number of hours, not "${ttlHours}".`);

const store = await createStore({ kind: "file", dir: process.env.STATE_DIR?.trim() || ".state", ttlMs: ttl === undefined ? undefined : ttl * 3_600_000 });
const apiRoot = process.env.TELEGRAM_API_ROOT?.trim() || undefined;
const bot = createTelegramBot({ token, sessions: new ChatSessions(store), log, client: apiRoot ? { apiRoot } : undefined });

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  log(`telegram: ${signal}, stopping`);
  // start() below resolves once the update in hand is handled; a second signal kills the process.
  if (bot.isRunning()) void bot.stop();
}
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));

try {
  await bot.init();
  await registerCommands(bot.api).catch((err: unknown) => log(`telegram: commands not registered: ${describeError(err)}`));
  if (!stopping) {
    // Updates are handled one at a time, in order: one chat's answers and replies never interleave.
    await bot.start({
      allowed_updates: ["message", "callback_query"],
      onStart: (me) => log(`telegram: polling as @${me.username}`),
    });
  }
} catch (err) {
  log(describeError(err));
  process.exitCode = 1;
} finally {
  await store.close();
  log("telegram: stopped");
}
