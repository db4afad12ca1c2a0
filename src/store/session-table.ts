// The in-memory core the memory and lowdb stores share: sessions by key with versions and expiry, the
// claimed ids, the cap on how many sessions are kept. States are held as JSON text: that copies them (a
// caller mutating its object cannot change what was stored), rejects what a file or Redis could not hold,
// and lets the file be written without serialising every state again.
// Every change returns an undo, so the lowdb store can take back changes whose write failed.
import { DEFAULT_MAX_SESSIONS, DEFAULT_TTL_MS, type SessionStoreOptions, type SetOptions, type StoredSession } from "./session-store.js";

export interface Entry {
  readonly json: string;
  readonly updatedAt: number;
  readonly version: number;
  readonly expiresAt: number;
}

export type Undo = () => void;

/** How often a change also sweeps out every expired session (sweeping on each change would be O(n) each). */
const SWEEP_EVERY_MS = 60_000;

export class SessionTable {
  readonly ttlMs: number;
  readonly now: () => number;
  readonly maxSessions: number;
  /** In update order: the least recently updated first, which is who goes when the cap is reached. */
  readonly sessions = new Map<string, Entry>();
  /** Claimed id → when it may be claimed again; in claim order. */
  readonly claims = new Map<string, number>();
  private lastSweep: number;

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    if (!(this.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${this.ttlMs}`);
    if (!(this.maxSessions >= 1)) throw new RangeError(`maxSessions must be at least 1, got ${this.maxSessions}`);
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** The live session, or undefined; `expired` tells the caller it just purged one (so it may persist that). */
  get(key: string): { session?: StoredSession; expired: boolean } {
    const entry = this.sessions.get(key);
    if (!entry) return { expired: false };
    if (entry.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return { expired: true };
    }
    return { session: { state: JSON.parse(entry.json) as unknown, updatedAt: entry.updatedAt, version: entry.version }, expired: false };
  }

  /** Throws TypeError, before changing anything, when the state cannot be stored as JSON. */
  set(key: string, state: unknown, options: SetOptions = {}): { stored: boolean; undo: Undo } {
    assertKey(key);
    const json = JSON.stringify(state);
    if (json === undefined) throw new TypeError(`session state for a key is not JSON-serialisable (${typeof state})`);
    const now = this.now();
    const before = this.live(key, now);
    if (options.ifVersion !== undefined && (before?.version ?? 0) !== options.ifVersion) return { stored: false, undo: () => undefined };
    const ttl = options.ttlMs ?? this.ttlMs;
    if (!(ttl > 0)) throw new RangeError(`ttlMs must be positive, got ${ttl}`);
    const entry: Entry = { json, updatedAt: now, version: (before?.version ?? 0) + 1, expiresAt: now + ttl };
    const evicted = before ? [] : this.makeRoom(now);
    // Re-inserting moves the key to the end, keeping the map in update order.
    this.sessions.delete(key);
    this.sessions.set(key, entry);
    if (now - this.lastSweep >= Math.min(SWEEP_EVERY_MS, this.ttlMs)) this.sweep();
    return {
      stored: true,
      undo: () => {
        if (this.sessions.get(key) !== entry) return;
        this.sessions.delete(key);
        if (before) this.sessions.set(key, before);
        for (const [k, e] of evicted) if (!this.sessions.has(k)) this.sessions.set(k, e);
      },
    };
  }

  delete(key: string): Undo {
    const before = this.sessions.get(key);
    this.sessions.delete(key);
    return () => {
      if (before && !this.sessions.has(key)) this.sessions.set(key, before);
    };
  }

  claim(id: string, ttlMs: number): { first: boolean; undo: Undo } {
    assertKey(id);
    const now = this.now();
    const until = this.claims.get(id);
    if (until !== undefined && until > now) return { first: false, undo: () => undefined };
    this.claims.delete(id);
    this.claims.set(id, now + ttlMs);
    // Claims come only from authenticated requests, but they are bounded all the same: oldest first.
    while (this.claims.size > this.maxSessions) this.claims.delete(this.claims.keys().next().value!);
    return { first: true, undo: () => this.claims.delete(id) };
  }

  /** Removes every expired session and claim; returns how many. */
  sweep(): number {
    const now = this.now();
    this.lastSweep = now;
    let removed = 0;
    for (const [key, entry] of this.sessions) {
      if (entry.expiresAt <= now) {
        this.sessions.delete(key);
        removed++;
      }
    }
    for (const [id, until] of this.claims) {
      if (until <= now) {
        this.claims.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /** Loads an entry read back from disk; expired ones are dropped. */
  restore(key: string, entry: Entry): void {
    if (entry.expiresAt > this.now()) this.sessions.set(key, entry);
  }

  restoreClaim(id: string, until: number): void {
    if (until > this.now()) this.claims.set(id, until);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.sessions.get(key);
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  /**
   * At the cap, expired sessions go first (a sweep, at most once a second, so a flood of new sessions does not
   * make every one of them O(n)), then the least recently updated.
   */
  private makeRoom(now: number): [string, Entry][] {
    const evicted: [string, Entry][] = [];
    if (this.sessions.size >= this.maxSessions && now - this.lastSweep >= 1000) this.sweep();
    while (this.sessions.size >= this.maxSessions) {
      const [key, entry] = this.sessions.entries().next().value!;
      this.sessions.delete(key);
      if (entry.expiresAt > now) evicted.push([key, entry]);
    }
    return evicted;
  }
}

function assertKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw new TypeError("session key must be a non-empty string");
}
