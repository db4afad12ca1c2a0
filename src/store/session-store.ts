// Where the service keeps what must outlive one request: each user's conversation, WeChat's outbox and
// cached replies, the ids of messages already handled, and rate-limit counters. Channels and the server
// assume only this interface, so memory, lowdb (one file) and Redis (many instances) are interchangeable;
// test/store/contract.ts holds the behaviour every implementation must show.
import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** What a store hands back: the state as it was stored, when, and its version. */
export interface StoredSession {
  readonly state: unknown;
  /** Epoch milliseconds of the last `set`. */
  readonly updatedAt: number;
  /** 1 after the first `set`, one more after each later one: the compare-and-set token. */
  readonly version: number;
}

export interface SetOptions {
  /**
   * Only store when the key's current version is this one (0: only when there is none). Several instances
   * then never both advance one conversation: the loser sees `false` and runs its turn again.
   */
  readonly ifVersion?: number;
  /** This key's own lifetime instead of the store's ttl (WeChat's cached replies live a minute). */
  readonly ttlMs?: number;
}

export interface StoreHealth {
  readonly ok: boolean;
  /** A short reason when not ok; never data. */
  readonly problem?: string;
}

export interface LimiterOptions {
  /** Distinguishes limiters sharing one backend ("web", "webhook"). */
  readonly name: string;
  /** Requests allowed per window. */
  readonly points: number;
  readonly windowSeconds: number;
}

export interface SessionStore {
  /** The session for `key`, or undefined when there is none or it has expired. Returns a copy. */
  get(key: string): Promise<StoredSession | undefined>;
  /**
   * Stores a copy of `state` (it must be JSON-serialisable) and resolves once the store has it durably.
   * Resolves false, storing nothing, when `ifVersion` is given and does not match.
   */
  set(key: string, state: unknown, options?: SetOptions): Promise<boolean>;
  /** Forgets everything stored for `key` at once (the user's /delete). */
  delete(key: string): Promise<void>;
  /**
   * Records `id` for `ttlMs`; true the first time, false while it is remembered. How retries and replays are
   * recognised: WeChat MsgIds, (timestamp, nonce) pairs, Telegram update_ids.
   */
  claim(id: string, ttlMs: number): Promise<boolean>;
  /** A rate limiter whose counters live where the sessions do (shared by every instance on Redis). */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /** Whether the store can take writes now (for /healthz). */
  health(): Promise<StoreHealth>;
  /** Waits for pending writes and releases resources. Later calls reject. */
  close(): Promise<void>;
}

export interface SessionStoreOptions {
  /** Sessions untouched for this long are never returned and get purged. Default 24 h. */
  readonly ttlMs?: number;
  /** The clock, injectable so tests can move time. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * At most this many stored sessions; beyond it, expired ones go first, then the least recently updated.
   * Default 100,000.
   */
  readonly maxSessions?: number;
}

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_SESSIONS = 100_000;

/** Thrown by every method of a closed store. */
export class StoreClosedError extends Error {
  constructor() {
    super("session store is closed");
  }
}
