// A session store that lives and dies with the process: for tests, the CLI and single-instance development.
import { ExpiringMap } from "./expiring-map.js";
import type { SessionStore, SessionStoreOptions, StoredSession } from "./session-store.js";

export class MemoryStore implements SessionStore {
  private readonly sessions: ExpiringMap;
  private closed = false;

  constructor(options: SessionStoreOptions = {}) {
    this.sessions = new ExpiringMap(options);
  }

  async get(key: string): Promise<StoredSession | undefined> {
    this.assertOpen();
    return this.sessions.get(key).session;
  }

  async set(key: string, state: unknown): Promise<void> {
    this.assertOpen();
    this.sessions.set(key, state);
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    this.sessions.delete(key);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("session store is closed");
  }
}
