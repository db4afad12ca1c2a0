// The in-memory core both stores share: sessions by key, expiry, and copies in and out.
// States are kept as JSON text: that copies them (a caller mutating its object cannot change what was stored),
// rejects what a file or Redis could not hold, and lets the file store write without re-serialising every state.
import { DEFAULT_TTL_MS, type SessionStoreOptions, type StoredSession } from "./session-store.js";

interface Entry {
  readonly json: string;
  readonly updatedAt: number;
}

/** How often a write also sweeps out every expired session (sweeping on each write would be O(n) per write). */
const SWEEP_EVERY_MS = 60_000;

export class ExpiringMap {
  readonly ttlMs: number;
  readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private lastSweep: number;

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    if (!(this.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${this.ttlMs}`);
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live session, or undefined; `expired` tells the caller it just purged one (so it may persist that). */
  get(key: string): { session?: StoredSession; expired: boolean } {
    const entry = this.entries.get(key);
    if (!entry) return { expired: false };
    if (this.isExpired(entry)) {
      this.entries.delete(key);
      return { expired: true };
    }
    return { session: { state: JSON.parse(entry.json) as unknown, updatedAt: entry.updatedAt }, expired: false };
  }

  /** Throws TypeError, before changing anything, when the state cannot be stored as JSON. */
  set(key: string, state: unknown): void {
    assertKey(key);
    const json = JSON.stringify(state);
    if (json === undefined) throw new TypeError(`session state for a key is not JSON-serialisable (${typeof state})`);
    // Re-inserting moves the key to the end, keeping the map in update order.
    const now = this.now();
    this.entries.delete(key);
    this.entries.set(key, { json, updatedAt: now });
    if (now - this.lastSweep >= Math.min(SWEEP_EVERY_MS, this.ttlMs)) this.sweep();
  }

  /** Returns whether anything was removed. */
  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Removes every expired session; returns how many. */
  sweep(): number {
    this.lastSweep = this.now();
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (this.isExpired(entry)) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  /** Loads an entry read back from disk, as JSON text; expired ones are dropped. */
  restore(key: string, json: string, updatedAt: number): void {
    const entry = { json, updatedAt };
    if (!this.isExpired(entry)) this.entries.set(key, entry);
  }

  /** All entries as raw JSON text, for writing to disk. */
  rawEntries(): IterableIterator<[string, Entry]> {
    return this.entries.entries();
  }

  private isExpired(entry: Entry): boolean {
    return this.now() - entry.updatedAt >= this.ttlMs;
  }
}

function assertKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw new TypeError("session key must be a non-empty string");
}
