// Session stores: where channels keep each user's conversation state.

// Commonly used
export { createStore, type StoreConfig } from "./create-store.js";
export { DEFAULT_TTL_MS, type SessionStore, type SessionStoreOptions, type StoredSession } from "./session-store.js";

// The implementations
export { MemoryStore } from "./memory-store.js";
export { FileStore, type FileStoreOptions } from "./file-store.js";
