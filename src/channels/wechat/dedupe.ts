// WeChat retries a message it got no answer to within 5 s (three retries in all); the retry is the same
// message, and handling it again would answer twice or advance the conversation twice.
// So a channel marks each message as seen on arrival and skips ones already seen. Bounded in size and age:
// retries come within seconds, so a few minutes of memory is plenty and the set never grows without limit.
import type { InboundMessage } from "./xml.js";

export interface SeenMessagesOptions {
  /** Default 10,000 ids; the oldest go first beyond that. */
  readonly max?: number;
  /** Default 5 minutes. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export class SeenMessages {
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** id → when first seen; insertion order is arrival order, so the oldest is always first. */
  private readonly seen = new Map<string, number>();

  constructor(options: SeenMessagesOptions = {}) {
    this.max = options.max ?? 10_000;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    if (!(this.max >= 1) || !(this.ttlMs > 0)) throw new RangeError("max and ttlMs must be positive");
  }

  get size(): number {
    return this.seen.size;
  }

  /** True the first time an id is offered (handle it), false for a repeat within the ttl (skip it). */
  firstSeen(id: string): boolean {
    const now = this.now();
    this.evictExpired(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  private evictExpired(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs) break; // everything after is newer
      this.seen.delete(id);
    }
  }
}

/**
 * The id WeChat's retries share: MsgId for messages; for events (which have none), sender + CreateTime,
 * plus the event type and key so two different events in the same second are not merged.
 */
export function messageKey(message: InboundMessage): string {
  if (message.msgId) return `id:${message.msgId}`;
  return `ev:${message.fromUser}:${message.createTime}:${message.event ?? ""}:${message.eventKey ?? ""}`;
}
