// `npm run serve` (in production: `node dist/server/main.js`): every channel on one port, one process.
// Configured by environment variables (README.md, .env.example); with none set it serves the web chat on
// http://127.0.0.1:8080/. It listens before Telegram is reached (that happens in the background), and on
// SIGTERM or SIGINT it stops accepting, finishes the replies in flight, flushes the store and exits.
import { ChatSessions } from "../channels/mod.js";
import { onCoreError } from "../dialogue/mod.js";
import { createTelegramBot, startInBackground, telegramRoutes, type BotStartup } from "../channels/telegram/mod.js";
import { webChatRoutes } from "../channels/web/mod.js";
import { wechatRoutes } from "../channels/wechat/mod.js";
import { orExit } from "../env/mod.js";
import type { Route } from "../http/mod.js";
import { createLogger } from "../log/mod.js";
import { createStore } from "../store/mod.js";
import { serverConfigFromEnv } from "./config.js";
import { RequestLimits } from "./limits.js";
import { closeGracefully, createAppServer } from "./server.js";

const config = orExit("serve", () => serverConfigFromEnv());
const log = createLogger({ level: config.logLevel });
const store = await createStore(config.store, { ttlMs: config.ttlMs, maxSessions: config.maxSessions, log });
const sessions = new ChatSessions(store, { defaultLang: config.defaultLang, log });
// The core answers a bug with an apology and keeps the user's answers; the log says it happened.
onCoreError((error) => log.error({ event: "dialogue.error", error: (error as Error)?.name ?? "unknown" }, "the conversation core failed on an input"));

// 1. Each channel that is configured hands over its routes.
const routes: Route[] = [];
if (config.web) routes.push(...webChatRoutes({ sessions, defaultLang: config.defaultLang }));
if (config.wechat) routes.push(...wechatRoutes({ ...config.wechat, sessions, store, log }));
let telegram: BotStartup | undefined;
if (config.telegram) {
  const { token, secretToken, webhookUrl, apiRoot } = config.telegram;
  const bot = createTelegramBot({ token, sessions, defaultLang: config.defaultLang, log, client: apiRoot ? { apiRoot } : undefined });
  telegram = startInBackground(bot, { defaultLang: config.defaultLang, log, webhook: webhookUrl ? { url: webhookUrl, secretToken } : undefined });
  routes.push(...telegramRoutes({ bot, secretToken, store, ready: telegram.ready }));
}

// 2. One server for all of them, listening at once.
const limits = new RequestLimits(store, config.limits, config.trustProxy);
const server = createAppServer({ routes, store, log, limits, allowedHosts: config.allowedHosts, maxConnections: config.maxConnections });
server.on("error", (err: NodeJS.ErrnoException) => {
  log.fatal({ event: "server.error", code: err.code ?? err.name }, "cannot serve");
  void store.close().finally(() => process.exit(1));
});
server.listen(config.port, config.host, () => {
  const address = server.address();
  const where = typeof address === "object" && address ? `http://${address.address}:${address.port}` : "";
  log.info({ event: "listening", address: where, paths: routes.map((r) => r.path).join(" "), store: config.store.kind }, "listening");
});

// 3. A graceful stop, also under a process manager: this process is the one that gets the signal.
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ event: "shutdown", signal }, "finishing replies in flight");
  telegram?.stop();
  await closeGracefully(server);
  await store.close();
  log.info({ event: "stopped" }, "stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
