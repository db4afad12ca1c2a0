// Picks a session store from configuration, so channels never name an implementation.
import { FileStore } from "./file-store.js";
import { MemoryStore } from "./memory-store.js";
import type { SessionStore } from "./session-store.js";

export type StoreConfig =
  | { readonly kind: "memory"; readonly ttlMs?: number }
  /** `dir` defaults to `.state/` under the working directory. */
  | { readonly kind: "file"; readonly dir?: string; readonly ttlMs?: number };
// Redis plugs in here as `{ kind: "redis"; url: string; ttlMs?: number }`: a RedisStore implementing
// SessionStore with SET … PX ttl / GET / DEL, so expiry is Redis's job. It is needed once several instances
// serve one bot (the file store is one process per file). Not written yet.

export async function createStore(config: StoreConfig): Promise<SessionStore> {
  switch (config.kind) {
    case "memory":
      return new MemoryStore({ ttlMs: config.ttlMs });
    case "file":
      return FileStore.open({ dir: config.dir, ttlMs: config.ttlMs });
  }
}
