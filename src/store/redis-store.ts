// Sessions in Redis, for several instances of the service behind one load balancer. Everything they must
// share lives here: conversations (with a version, so two instances never both advance one conversation),
// WeChat's cached replies and outbox, the ids of messages already handled, and rate-limit counters.
// ioredis is the client: it is maintained, typed, reconnects by itself, and runs Lua scripts by SHA with a
// fallback when Redis has forgotten them (after a restart).
//
// When Redis is down, commands fail at once instead of queueing (enableOfflineQueue: false): the user gets
// a short "try again" (ChatSessions), the error is logged, and the client keeps reconnecting in the background.
import { Redis, type RedisOptions } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { BoundedLog, silentLogger, type Logger } from "../log/mod.js";
import { CLAIM_SCRIPT, SET_SCRIPT } from "./redis-scripts.js";
import { DEFAULT_MAX_SESSIONS, DEFAULT_TTL_MS, StoreClosedError, type LimiterOptions, type SessionStore, type SessionStoreOptions, type SetOptions, type StoreHealth, type StoredSession } from "./session-store.js";

export interface RedisStoreOptions extends SessionStoreOptions {
  /** redis://[:password@]host:port[/db] */
  readonly url: string;
  /** Put before every key, so one Redis can serve several deployments. Default "sdbot:". */
  readonly prefix?: string;
  readonly log?: Logger;
  /** Longest wait for one command; default 2 s (a WeChat reply must go out within 5 s). */
  readonly commandTimeoutMs?: number;
}

type Scripted = Redis & {
  sdSet(hash: string, index: string, ...args: (string | number)[]): Promise<number>;
  sdClaim(key: string, ...args: (string | number)[]): Promise<number>;
};

export class RedisStore implements SessionStore {
  private readonly client: Scripted;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;
  private closed = false;

  private constructor(options: RedisStoreOptions) {
    this.prefix = options.prefix ?? "sdbot:";
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    this.now = options.now ?? Date.now;
    if (!(this.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${this.ttlMs}`);
    const log = new BoundedLog(options.log ?? silentLogger(), { max: 3 });
    this.client = new Redis(options.url, clientOptions(options.commandTimeoutMs ?? 2000)) as Scripted;
    this.client.defineCommand("sdSet", { numberOfKeys: 2, lua: SET_SCRIPT });
    this.client.defineCommand("sdClaim", { numberOfKeys: 1, lua: CLAIM_SCRIPT });
    // Without a listener ioredis prints every failed reconnect; these lines carry the error code only.
    this.client.on("error", (err: NodeJS.ErrnoException) => log.warn("store.redis-error", { code: err.code ?? err.name }));
  }

  /** Connects; when Redis is not reachable yet the store still opens, reports unhealthy and keeps trying. */
  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const store = new RedisStore(options);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      store.client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return store;
  }

  async get(key: string): Promise<StoredSession | undefined> {
    this.assertOpen();
    const [v, at, exp, json] = await this.client.hmget(this.sessionKey(key), "v", "at", "exp", "j");
    if (!v || !json || Number(exp) <= this.now()) return undefined;
    return { state: JSON.parse(json) as unknown, updatedAt: Number(at), version: Number(v) };
  }

  async set(key: string, state: unknown, options: SetOptions = {}): Promise<boolean> {
    this.assertOpen();
    if (typeof key !== "string" || key === "") throw new TypeError("session key must be a non-empty string");
    const json = JSON.stringify(state);
    if (json === undefined) throw new TypeError(`session state for a key is not JSON-serialisable (${typeof state})`);
    const ttl = options.ttlMs ?? this.ttlMs;
    const ifVersion = options.ifVersion === undefined ? "" : String(options.ifVersion);
    const version = await this.client.sdSet(this.sessionKey(key), this.indexKey(), json, this.now(), Math.ceil(ttl), ifVersion, this.maxSessions, `${this.prefix}s:`, key, this.ttlMs);
    return version > 0;
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    await this.client.multi().del(this.sessionKey(key)).zrem(this.indexKey(), key).exec();
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    if (typeof id !== "string" || id === "") throw new TypeError("claim id must be a non-empty string");
    return (await this.client.sdClaim(`${this.prefix}c:${id}`, this.now(), Math.ceil(ttlMs))) === 1;
  }

  /** Counters shared by every instance; while Redis is down, each instance counts for itself. */
  limiter({ name, points, windowSeconds }: LimiterOptions): RateLimiterAbstract {
    const insuranceLimiter = new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds });
    return new RateLimiterRedis({ storeClient: this.client, keyPrefix: `${this.prefix}rl:${name}`, points, duration: windowSeconds, insuranceLimiter });
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, problem: "closed" };
    if (this.client.status !== "ready") return { ok: false, problem: `redis ${this.client.status}` };
    try {
      await this.client.ping();
      return { ok: true };
    } catch (err) {
      return { ok: false, problem: `redis: ${(err as Error).name}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private sessionKey(key: string): string {
    return `${this.prefix}s:${key}`;
  }

  private indexKey(): string {
    return `${this.prefix}index`;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

function clientOptions(commandTimeout: number): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout,
    connectTimeout: 2000,
    // Reconnect for ever, backing off to one attempt every 2 s.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  };
}
