// Where channels keep each user's conversation state between messages.
// The conversation core is a pure function, so a channel loads the state, runs the core and stores the result;
// this interface is all a channel may assume, so memory, file and (later) Redis stores are interchangeable.

/** What a store hands back: the state as it was stored, and when. */
export interface StoredSession {
  readonly state: unknown;
  /** Epoch milliseconds of the last `set`. */
  readonly updatedAt: number;
}

export interface SessionStore {
  /** The session for `key`, or undefined when there is none or it has expired. Returns a copy. */
  get(key: string): Promise<StoredSession | undefined>;
  /** Stores a copy of `state` (it must be JSON-serialisable); resolves once the store has it durably. */
  set(key: string, state: unknown): Promise<void>;
  /** Forgets everything stored for `key` at once (the user's /delete). */
  delete(key: string): Promise<void>;
  /** Waits for pending writes and releases resources. Later calls reject. */
  close(): Promise<void>;
}

export interface SessionStoreOptions {
  /** Sessions untouched for this long are never returned and get purged. Default 24 h. */
  readonly ttlMs?: number;
  /** The clock, injectable so tests can move time. Default `Date.now`. */
  readonly now?: () => number;
}

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
