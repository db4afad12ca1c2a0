// The embedded default: every session in memory, kept in one JSON file through lowdb, for a single
// instance that must survive restarts without Redis. Each change rewrites the whole file atomically
// (lowdb-adapter.ts), so the file's size bounds it: see README "Capacity" (beyond it, use Redis).
// Overlapping writes are coalesced: while one write runs, later changes wait and go out together in the
// next, so 200 concurrent turns cost a couple of file writes, not 200. A write that fails is taken back in
// memory as well: the user's resend must find the conversation where the failed turn found it, or it
// would be read as the answer to the next question. One process per file.
import { join, resolve } from "node:path";
import { Low } from "lowdb";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { silentLogger, type Logger } from "../log/mod.js";
import { SessionFileAdapter } from "./lowdb-adapter.js";
import { memoryLimiter } from "./memory-store.js";
import { StoreClosedError, type LimiterOptions, type SessionStore, type SessionStoreOptions, type SetOptions, type StoreHealth, type StoredSession } from "./session-store.js";
import { SessionTable, type Undo } from "./session-table.js";

export interface LowdbStoreOptions extends SessionStoreOptions {
  /** Directory for the file, created (mode 0700) if missing. Default `.state/` under the working directory. */
  readonly dir?: string;
  /** Default `sessions.json`. */
  readonly fileName?: string;
  /** Where the store reports trouble (never session content). Default: nowhere. */
  readonly log?: Logger;
  /** Copies of a corrupt file are deleted after this many days. Default 7. */
  readonly keepCorruptDays?: number;
  /** How often expired sessions are swept out of the file; default min(ttl, 60 s). */
  readonly sweepEveryMs?: number;
}

export class LowdbStore implements SessionStore {
  private readonly db: Low<SessionTable>;
  private readonly adapter: SessionFileAdapter;
  private readonly log: Logger;
  private readonly timer: NodeJS.Timeout;
  /** Settles when every write started so far has finished. */
  private tail: Promise<void> = Promise.resolve();
  /** The write that has not started yet, and the undos of the changes it will carry. */
  private queued: { done: Promise<void>; undos: Undo[] } | undefined;
  private lastWriteFailed = false;
  private closed = false;

  private constructor(adapter: SessionFileAdapter, options: LowdbStoreOptions) {
    this.adapter = adapter;
    this.log = options.log ?? silentLogger();
    this.db = new Low(adapter, new SessionTable(options));
    const every = options.sweepEveryMs ?? Math.min(60_000, options.ttlMs ?? 60_000);
    this.timer = setInterval(() => this.sweep(), every);
    this.timer.unref();
  }

  /** Opens (or creates) the store: expired sessions are dropped from the file at once. */
  static async open(options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    const dir = resolve(options.dir ?? join(process.cwd(), ".state"));
    const log = options.log ?? silentLogger();
    const adapter = new SessionFileAdapter(join(dir, options.fileName ?? "sessions.json"), options, log, options.keepCorruptDays ?? 7);
    const store = new LowdbStore(adapter, options);
    await store.db.read();
    await store.flush([]);
    return store;
  }

  get path(): string {
    return this.adapter.path;
  }

  async get(key: string): Promise<StoredSession | undefined> {
    this.assertOpen();
    const { session, expired } = this.db.data.get(key);
    // The purge is written like any change, but the caller does not wait for the disk.
    if (expired) this.flush([]).catch(() => undefined);
    return session;
  }

  async set(key: string, state: unknown, options?: SetOptions): Promise<boolean> {
    this.assertOpen();
    const { stored, undo } = this.db.data.set(key, state, options);
    if (stored) await this.flush([undo]);
    return stored;
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    // Always written, even for a key unknown here: an earlier failed write may have left it on disk.
    await this.flush([this.db.data.delete(key)]);
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    const { first, undo } = this.db.data.claim(id, ttlMs);
    if (first) await this.flush([undo]);
    return first;
  }

  limiter(options: LimiterOptions): RateLimiterAbstract {
    return memoryLimiter(options);
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, problem: "closed" };
    return this.lastWriteFailed ? { ok: false, problem: "the last write to the session file failed" } : { ok: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.tail;
  }

  /** Expired sessions leave the file on the timer, not only with the next change. */
  private sweep(): void {
    if (this.closed) return;
    if (this.db.data.sweep() > 0) this.flush([]).catch(() => undefined);
    this.adapter.removeOldCorruptCopies().catch(() => undefined);
  }

  private flush(undos: Undo[]): Promise<void> {
    if (this.queued) {
      this.queued.undos.push(...undos);
      return this.queued.done;
    }
    const batch = { undos: [...undos], done: undefined as unknown as Promise<void> };
    batch.done = this.tail.then(async () => {
      // From here on, new changes need a new write: lowdb's adapter takes its snapshot synchronously.
      this.queued = undefined;
      try {
        await this.db.write();
        this.lastWriteFailed = false;
      } catch (err) {
        this.lastWriteFailed = true;
        for (const undo of batch.undos.reverse()) undo();
        this.log.error({ event: "store.write-failed", code: (err as NodeJS.ErrnoException).code ?? "unknown" }, "could not write the session file");
        throw err;
      }
    });
    this.queued = batch;
    // A failed write is reported to its callers but must not block the writes after it.
    this.tail = batch.done.catch(() => undefined);
    return batch.done;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
