// Picks a session store from configuration, so channels never name an implementation.
import type { Logger } from "../log/mod.js";
import { LowdbStore } from "./lowdb-store.js";
import { MemoryStore } from "./memory-store.js";
import { RedisStore } from "./redis-store.js";
import type { SessionStore, SessionStoreOptions } from "./session-store.js";

export type StoreConfig =
  | { readonly kind: "memory" }
  /** lowdb in one JSON file; `dir` defaults to `.state/` under the working directory. */
  | { readonly kind: "file"; readonly dir?: string; readonly keepCorruptDays?: number }
  | { readonly kind: "redis"; readonly url: string; readonly prefix?: string };

export type StoreKind = StoreConfig["kind"];
export const STORE_KINDS: readonly StoreKind[] = ["file", "memory", "redis"];

export async function createStore(config: StoreConfig, options: SessionStoreOptions & { log?: Logger } = {}): Promise<SessionStore> {
  switch (config.kind) {
    case "memory":
      return new MemoryStore(options);
    case "file":
      return LowdbStore.open({ ...options, dir: config.dir, keepCorruptDays: config.keepCorruptDays });
    case "redis":
      return RedisStore.open({ ...options, url: config.url, prefix: config.prefix });
  }
}
