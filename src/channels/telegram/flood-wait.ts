// Telegram answers 429 with `retry_after` (seconds) when a bot sends too fast, which a screening's
// results (several messages at once) can trigger. A short wait is retried; a long one is passed on as
// the error, since long polling handles updates one at a time and every other chat would wait too.
import type { Transformer } from "grammy";

export interface FloodWaitOptions {
  /** Longest wait, in seconds, that is waited out. Default 10. */
  readonly maxWaitSeconds?: number;
  /** Retries per call. Default 2. */
  readonly maxRetries?: number;
  /** Injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export function waitOnFloodControl(options: FloodWaitOptions = {}): Transformer {
  const { maxWaitSeconds = 10, maxRetries = 2, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = options;
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      const result = await prev(method, payload, signal);
      const wait = result.ok ? undefined : result.parameters?.retry_after;
      if (wait === undefined || attempt >= maxRetries || wait > maxWaitSeconds || signal?.aborted) return result;
      await sleep(wait * 1000);
    }
  };
}
