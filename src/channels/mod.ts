// What every channel shares: the conversations (ChatSessions, with the one per-user queue) and the text
// splitter. Each channel is a folder of its own with its own mod.ts.
export { ChatSessions, type SessionTurn, type HandleOptions, type ChatSessionsOptions } from "./chat-session.js";
export { KeyedQueue } from "./keyed-queue.js";
