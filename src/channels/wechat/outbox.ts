// What the WeChat channel keeps in the session store, each under a prefix of its own, so channels never
// build other keys (the conversation itself is ChatSessions' business):
//   - the outbox: what a user has not been shown yet. A passive reply is one message of about 2,000 bytes,
//     answered within 5 seconds, so after a turn there can be further pages of a long answer (shown one at a
//     time on "more") or a whole answer that came too late for its own request ("late", shown on the
//     user's next message). Expires with the store's ttl; /delete removes it with the conversation.
//   - the replies given to recent messages, so that WeChat's retry of a message gets the same answer, from
//     whichever instance it reaches. Short-lived: retries come within seconds, and the texts are personal.
//   - which messages and which (timestamp, nonce) pairs were already received.
import { isLang, type Lang } from "../../i18n/mod.js";
import type { SessionStore } from "../../store/mod.js";

export interface OutboxRecord {
  readonly v: 1;
  readonly lang: Lang;
  /** Pages still to show, each ready to send (with its "more" hint). Never empty. */
  readonly pages: readonly string[];
  /** True when not even the first page was delivered: the next message of any kind gets it. */
  readonly late: boolean;
  /** Epoch milliseconds when stored; late answers go stale. */
  readonly at: number;
}

export const OUTBOX_PREFIX = "wechat-outbox:";
const REPLY_PREFIX = "wechat-reply:";
const SEEN_PREFIX = "wechat-seen:";
const NONCE_PREFIX = "wechat-nonce:";

export function outboxKey(user: string): string {
  return `${OUTBOX_PREFIX}${user}`;
}

export class Outbox {
  constructor(private readonly store: SessionStore) {}

  /** The record for `user`, or undefined when there is none or it does not read. */
  async get(user: string): Promise<OutboxRecord | undefined> {
    const stored = await this.store.get(outboxKey(user));
    return stored ? readRecord(stored.state) : undefined;
  }

  /** Stores the pages, or deletes the record when there are none. */
  async put(user: string, record: Omit<OutboxRecord, "v">): Promise<void> {
    if (record.pages.length === 0) return this.delete(user);
    await this.store.set(outboxKey(user), { v: 1, ...record, pages: [...record.pages] });
  }

  delete(user: string): Promise<void> {
    return this.store.delete(outboxKey(user));
  }
}

/** The store's memory of what WeChat has sent already, and of what we answered. */
export class Received {
  constructor(
    private readonly store: SessionStore,
    private readonly replyTtlMs = 60_000,
  ) {}

  /** True the first time a message arrives; its retries (WeChat tries three more times) get false. */
  firstTime(messageKey: string): Promise<boolean> {
    return this.store.claim(`${SEEN_PREFIX}${messageKey}`, 5 * 60_000);
  }

  /**
   * Binds a signed (timestamp, nonce) to the message it came with, for as long as the timestamp is accepted.
   * False when the pair already came with a different message: a captured signature reused for a forged body.
   */
  async nonceFits(timestamp: string, nonce: string, messageKey: string, ttlMs: number): Promise<boolean> {
    const key = `${NONCE_PREFIX}${timestamp}:${nonce}`;
    if (await this.store.set(key, messageKey, { ifVersion: 0, ttlMs })) return true;
    return (await this.store.get(key))?.state === messageKey;
  }

  /** `content` undefined: the request was answered "success". */
  async rememberReply(messageKey: string, content: string | undefined): Promise<void> {
    await this.store.set(`${REPLY_PREFIX}${messageKey}`, { content: content ?? null }, { ttlMs: this.replyTtlMs });
  }

  /** The reply given to a message, once there is one: undefined while none is stored. */
  async replyTo(messageKey: string): Promise<{ content: string | undefined } | undefined> {
    const stored = (await this.store.get(`${REPLY_PREFIX}${messageKey}`))?.state as { content?: unknown } | undefined;
    if (!stored) return undefined;
    return { content: typeof stored.content === "string" ? stored.content : undefined };
  }
}

function readRecord(value: unknown): OutboxRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (r.v !== 1 || !isLang(r.lang) || typeof r.late !== "boolean" || typeof r.at !== "number") return undefined;
  if (!Array.isArray(r.pages) || r.pages.length === 0 || !r.pages.every((p) => typeof p === "string")) return undefined;
  return { v: 1, lang: r.lang, pages: r.pages as string[], late: r.late, at: r.at };
}
