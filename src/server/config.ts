// The server's settings, from environment variables (listed in README.md and .env.example).
// A bad value stops the start with one line naming the variable.
import { wechatConfigFromEnv, type WeChatConfig } from "../channels/wechat/mod.js";
import { ConfigError, Env, type EnvSource } from "../env/mod.js";
import { LANGS, type Lang } from "../i18n/mod.js";
import { LOG_LEVELS, type LogLevel } from "../log/mod.js";
import { DEFAULT_MAX_SESSIONS, STORE_KINDS, type StoreConfig } from "../store/mod.js";
import type { LimitsConfig } from "./limits.js";

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly store: StoreConfig;
  readonly ttlMs: number;
  readonly maxSessions: number;
  readonly defaultLang: Lang;
  readonly web: boolean;
  readonly logLevel: LogLevel;
  readonly limits: LimitsConfig;
  /** Open connections at most; more are refused by the kernel's accept, so the server keeps its file descriptors. */
  readonly maxConnections: number;
  /** Host headers answered; empty means any. */
  readonly allowedHosts: readonly string[];
  /** Take the client's address from the last X-Forwarded-For entry (behind a reverse proxy only). */
  readonly trustProxy: boolean;
  readonly telegram?: { token: string; secretToken: string; webhookUrl?: string; apiRoot?: string };
  readonly wechat?: WeChatConfig;
}

export { ConfigError };

export function serverConfigFromEnv(source: EnvSource = process.env): ServerConfig {
  const env = new Env(source);
  const kind = env.oneOf("STORE", STORE_KINDS, "file");
  return {
    port: env.integer("PORT", 8080, 0, 65535),
    host: env.string("HOST") ?? "127.0.0.1",
    store: storeConfig(env, kind),
    ttlMs: env.positive("SESSION_TTL_HOURS", 24) * 3_600_000,
    maxSessions: env.integer("MAX_SESSIONS", DEFAULT_MAX_SESSIONS, 1),
    defaultLang: env.oneOf("BOT_LANG", LANGS, "zh-CN"),
    web: env.flag("WEB_CHAT", true),
    logLevel: env.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    limits: {
      webPerMinute: env.integer("RATE_LIMIT_WEB_PER_MINUTE", 60, 1),
      webhookPerMinute: env.integer("RATE_LIMIT_WEBHOOK_PER_MINUTE", 1200, 1),
    },
    maxConnections: env.integer("MAX_CONNECTIONS", 1000, 1),
    allowedHosts: env.list("ALLOWED_HOSTS").map((h) => h.toLowerCase()),
    trustProxy: env.flag("TRUST_PROXY", false),
    telegram: telegramConfig(env),
    wechat: wechatConfigFromEnv(env),
  };
}

function storeConfig(env: Env, kind: StoreConfig["kind"]): StoreConfig {
  if (kind === "memory") return { kind };
  if (kind === "redis") {
    const url = env.string("REDIS_URL");
    if (!url) throw new ConfigError("STORE=redis needs REDIS_URL (redis://host:6379)");
    return { kind, url, prefix: env.string("REDIS_PREFIX") };
  }
  return { kind, dir: env.string("STATE_DIR") ?? ".state", keepCorruptDays: env.integer("CORRUPT_FILE_DAYS", 7, 0, 365) };
}

function telegramConfig(env: Env): ServerConfig["telegram"] {
  const token = env.string("TELEGRAM_BOT_TOKEN");
  if (!token) return undefined;
  const secretToken = env.string("TELEGRAM_WEBHOOK_SECRET");
  if (!secretToken) throw new ConfigError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_BOT_TOKEN in server mode (or use `npm run telegram` for long polling)");
  return { token, secretToken, webhookUrl: env.string("TELEGRAM_WEBHOOK_URL"), apiRoot: env.string("TELEGRAM_API_ROOT") };
}
