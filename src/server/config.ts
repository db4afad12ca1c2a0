// The server's settings, from environment variables (listed in README.md and .env.example).
// A bad value stops the start with one line naming the variable.
import type { Lang } from "../catalogue/mod.js";
import { wechatConfigFromEnv } from "../channels/wechat/mod.js";

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly store: { kind: "memory" } | { kind: "file"; dir: string };
  readonly ttlMs: number;
  readonly defaultLang: Lang;
  readonly web: boolean;
  readonly telegram?: { token: string; secretToken: string; webhookUrl?: string };
  readonly wechat?: ReturnType<typeof wechatConfigFromEnv>;
}

export class ConfigError extends Error {}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const hours = Number(env.SESSION_TTL_HOURS ?? 24);
  if (!Number.isFinite(hours) || hours <= 0) throw new ConfigError(`SESSION_TTL_HOURS must be a positive number, not "${env.SESSION_TTL_HOURS}"`);
  const kind = env.STORE ?? "file";
  if (kind !== "file" && kind !== "memory") throw new ConfigError(`STORE must be "file" or "memory", not "${kind}"`);
  const lang = env.BOT_LANG ?? "zh-CN";
  if (lang !== "zh-CN" && lang !== "en") throw new ConfigError(`BOT_LANG must be "zh-CN" or "en", not "${lang}"`);
  let telegram: ServerConfig["telegram"];
  if (env.TELEGRAM_BOT_TOKEN) {
    if (!env.TELEGRAM_WEBHOOK_SECRET) throw new ConfigError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_BOT_TOKEN in server mode (or use `npm run telegram` for long polling)");
    telegram = { token: env.TELEGRAM_BOT_TOKEN, secretToken: env.TELEGRAM_WEBHOOK_SECRET, webhookUrl: env.TELEGRAM_WEBHOOK_URL || undefined };
  }
  let wechat: ServerConfig["wechat"];
  try {
    wechat = wechatConfigFromEnv(env);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    store: kind === "memory" ? { kind } : { kind, dir: env.STATE_DIR ?? ".state" },
    ttlMs: hours * 3_600_000,
    defaultLang: lang,
    web: env.WEB_CHAT !== "off",
    telegram,
    wechat,
  };
}
