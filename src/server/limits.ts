// Per-client request budgets: a client over its budget gets 429 with Retry-After, before any work is
// done for it. The counters live in the session store's backend, so on Redis every instance shares them.
// The client is the connection's address, or behind a reverse proxy (TRUST_PROXY) the address the proxy
// appended last to X-Forwarded-For: earlier entries are whatever the client chose to send.
import type { IncomingMessage } from "node:http";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { HttpError, type RouteBudget } from "../http/mod.js";
import type { SessionStore } from "../store/mod.js";

export interface LimitsConfig {
  /** Web chat requests per client and minute. */
  readonly webPerMinute: number;
  /** Webhook requests per address and minute: WeChat and Telegram call from a few servers, so it is larger. */
  readonly webhookPerMinute: number;
}

export class RequestLimits {
  private readonly limiters: Partial<Record<RouteBudget, RateLimiterAbstract>>;

  constructor(
    store: SessionStore,
    config: LimitsConfig,
    private readonly trustProxy = false,
  ) {
    this.limiters = {
      web: store.limiter({ name: "web", points: config.webPerMinute, windowSeconds: 60 }),
      webhook: store.limiter({ name: "webhook", points: config.webhookPerMinute, windowSeconds: 60 }),
    };
  }

  /** Resolves when the request is within its budget; throws HttpError 429 (with Retry-After) when not. */
  async check(req: IncomingMessage, budget: RouteBudget): Promise<void> {
    const limiter = this.limiters[budget];
    if (!limiter) return;
    try {
      await limiter.consume(clientAddress(req, this.trustProxy));
    } catch (rejection) {
      // The limiter rejects with its result when over budget, with an Error when its backend failed;
      // a failed backend lets the request through (Redis's insurance limiter normally answers first).
      if (rejection instanceof Error) return;
      const wait = Math.max(1, Math.ceil(((rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000) / 1000));
      throw new HttpError(429, "too many requests", { "retry-after": String(wait) });
    }
  }
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const last = forwarded[forwarded.length - 1];
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}
