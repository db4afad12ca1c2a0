// Rejected requests (bad signatures, floods, oversized bodies) can arrive by the thousand; one line each
// would bury everything else and fill the disk. A BoundedLog lets through at most `max` lines per event in
// each window and then one summary line with how many it held back.

import type { Logger } from "./logger.js";

export interface BoundedLogOptions {
  /** Lines per event and window; default 10. */
  readonly max?: number;
  /** Default one minute. */
  readonly windowMs?: number;
  readonly now?: () => number;
}

interface Window {
  start: number;
  count: number;
}

export class BoundedLog {
  private readonly max: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly logger: Logger,
    options: BoundedLogOptions = {},
  ) {
    this.max = options.max ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Logs `event` at warn level unless this event already used up its lines in the current window. */
  warn(event: string, fields: Record<string, string | number | boolean> = {}): void {
    const now = this.now();
    let window = this.windows.get(event);
    if (!window || now - window.start >= this.windowMs) {
      if (window && window.count > this.max) this.logger.warn({ event, suppressed: window.count - this.max }, "similar lines held back");
      window = { start: now, count: 0 };
      this.windows.set(event, window);
    }
    window.count++;
    if (window.count <= this.max) this.logger.warn({ event, ...fields }, event);
  }
}
