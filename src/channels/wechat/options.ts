// The settings of createWeChatWebhook.
import type { Logger } from "../../log/mod.js";
import type { SessionStore } from "../../store/mod.js";
import type { ChatSessions } from "../chat-session.js";
import type { WeChatFlavor, WeChatMode } from "./config.js";

export const DEFAULT_REPLY_TIMEOUT_MS = 4500;

export interface WeChatWebhookOptions {
  /** The conversations; `ChatSessions` in production. */
  readonly sessions: Pick<ChatSessions, "handle" | "run" | "lang">;
  /** The Token from the account's server settings. */
  readonly token: string;
  /** "safe": messages are encrypted (WeCom always is). "plain": clear-text messages. */
  readonly mode: WeChatMode;
  /** The 43-character EncodingAESKey; required in safe mode. */
  readonly encodingAESKey?: string;
  /** The Official Account's AppID, or WeCom's CorpID; required in safe mode. */
  readonly appId?: string;
  /** "oa" (Official Account) or "wecom": they verify the URL differently. */
  readonly flavor: WeChatFlavor;
  /** How long a request waits for the core before answering "success"; default 4,500 ms (WeChat allows 5 s). */
  readonly replyTimeoutMs?: number;
  /** Where the outbox, cached replies and received ids are kept: the sessions' own store. */
  readonly store: SessionStore;
  /** The clock for timestamps and the outbox; default Date.now. Timeouts use real time. */
  readonly now?: () => number;
  readonly log?: Logger;
  /** The most UTF-8 bytes in one passive reply's text; default 2,000 (WeChat's limit is 2,048). */
  readonly maxReplyBytes?: number;
  /** A late answer not collected within this time is dropped; default 10 minutes. */
  readonly lateTtlMs?: number;
}
