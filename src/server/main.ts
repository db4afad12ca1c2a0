// `npm run serve`: every channel on one port. Configured by environment variables (README.md,
// .env.example); with none set it serves the web chat on http://127.0.0.1:8080/.
import { Bot } from "grammy";
import { ChatSessions } from "../channels/chat-session.js";
import { createTelegramBot, createTelegramWebhook, registerCommands } from "../channels/telegram/mod.js";
import { createWebChat } from "../channels/web/mod.js";
import { createWeChatWebhook } from "../channels/wechat/mod.js";
import { createStore } from "../store/mod.js";
import { ConfigError, serverConfigFromEnv } from "./config.js";
import { closeGracefully, createAppServer, TELEGRAM_PATH, WECHAT_PATH, type Routes } from "./server.js";

const log = (line: string) => process.stderr.write(`serve: ${line}\n`);

let config;
try {
  config = serverConfigFromEnv();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  log(err.message);
  process.exit(2);
}

const store = await createStore({ ...config.store, ttlMs: config.ttlMs });
const sessions = new ChatSessions(store, config.defaultLang);
let bot: Bot | undefined;
const routes: Routes = {
  web: config.web ? createWebChat({ sessions, log, defaultLang: config.defaultLang }) : undefined,
  wechat: config.wechat ? createWeChatWebhook({ ...config.wechat, sessions, store, log }) : undefined,
  telegram: config.telegram ? createTelegramWebhook({ bot: (bot = createTelegramBot({ token: config.telegram.token, sessions, defaultLang: config.defaultLang })), secretToken: config.telegram.secretToken }) : undefined,
};

if (bot && config.telegram) {
  await bot.init();
  await registerCommands(bot.api, config.defaultLang);
  if (config.telegram.webhookUrl) await bot.api.setWebhook(config.telegram.webhookUrl, { secret_token: config.telegram.secretToken });
}

const server = createAppServer(routes, log);
server.on("error", (err: NodeJS.ErrnoException) => {
  log(`server error: ${err.code ?? err.name}`);
  void store.close().finally(() => process.exit(1));
});
server.listen(config.port, config.host, () => {
  const address = server.address();
  const where = typeof address === "object" && address ? `http://${address.address}:${address.port}` : "";
  const channels = [routes.web && `web chat ${where}/`, routes.wechat && `WeChat ${where}${WECHAT_PATH}`, routes.telegram && `Telegram ${where}${TELEGRAM_PATH}`].filter(Boolean);
  log(`listening: ${channels.join(", ") || "no channel enabled"}; health ${where}/healthz`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing replies in flight`);
  await closeGracefully(server);
  await store.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
