// Session stores: where the service keeps each user's conversation and everything instances share.

// Commonly used
export { createStore, STORE_KINDS, type StoreConfig, type StoreKind } from "./create-store.js";
export {
  DEFAULT_TTL_MS,
  DEFAULT_MAX_SESSIONS,
  StoreClosedError,
  type SessionStore,
  type SessionStoreOptions,
  type StoredSession,
  type SetOptions,
  type StoreHealth,
  type LimiterOptions,
} from "./session-store.js";

// The implementations
export { MemoryStore } from "./memory-store.js";
export { LowdbStore, type LowdbStoreOptions } from "./lowdb-store.js";
export { RedisStore, type RedisStoreOptions } from "./redis-store.js";
