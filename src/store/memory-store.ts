// A session store that lives and dies with the process: for tests, the terminal and single-instance development.
import { RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";
import { SessionTable } from "./session-table.js";
import { StoreClosedError, type LimiterOptions, type SessionStore, type SessionStoreOptions, type SetOptions, type StoreHealth, type StoredSession } from "./session-store.js";

export class MemoryStore implements SessionStore {
  protected readonly table: SessionTable;
  private closed = false;

  constructor(options: SessionStoreOptions = {}) {
    this.table = new SessionTable(options);
  }

  async get(key: string): Promise<StoredSession | undefined> {
    this.assertOpen();
    return this.table.get(key).session;
  }

  async set(key: string, state: unknown, options?: SetOptions): Promise<boolean> {
    this.assertOpen();
    return this.table.set(key, state, options).stored;
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    this.table.delete(key);
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    return this.table.claim(id, ttlMs).first;
  }

  limiter(options: LimiterOptions): RateLimiterAbstract {
    return memoryLimiter(options);
  }

  async health(): Promise<StoreHealth> {
    return this.closed ? { ok: false, problem: "closed" } : { ok: true };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  protected assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/** Counters in this process: right for one instance (memory and file stores). */
export function memoryLimiter({ name, points, windowSeconds }: LimiterOptions): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds });
}
