// What a WeChat user has not been shown yet. A passive reply is one message of about 2,000 bytes, answered
// within 5 seconds, so two things can be left over after a turn:
//   - the further pages of a long answer, shown one at a time when the user replies "more";
//   - a whole answer that came too late for its own request ("late"), shown on the user's next message.
// Kept in the SessionStore under `wechat-outbox:<openid>`, beside the conversation, so it survives a restart
// and expires with the store's TTL; /delete removes it together with the conversation.
import type { Lang } from "../../catalogue/mod.js";
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

export function outboxKey(user: string): string {
  return `wechat-outbox:${user}`;
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

function readRecord(value: unknown): OutboxRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (r.v !== 1 || (r.lang !== "zh-CN" && r.lang !== "en") || typeof r.late !== "boolean" || typeof r.at !== "number") return undefined;
  if (!Array.isArray(r.pages) || r.pages.length === 0 || !r.pages.every((p) => typeof p === "string")) return undefined;
  return { v: 1, lang: r.lang, pages: r.pages as string[], late: r.late, at: r.at };
}
