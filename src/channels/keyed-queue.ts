// The one per-user queue: work for one key runs strictly one piece after another, in arrival order;
// work for other keys is not held up. Every channel orders a user's turns through it (ChatSessions.run),
// so a fast tapper loses no answer and a reply never overtakes the one before it.
//
// Work may call run() again for the key it already holds (WeChat's outbox handling calls ChatSessions.handle
// inside its own run): that runs at once instead of waiting for itself, which would never end.
import { AsyncLocalStorage } from "node:async_hooks";

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();

  /** How many keys have work queued or running (for tests and health figures). */
  get activeKeys(): number {
    return this.tails.size;
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const holding = this.held.getStore();
    if (holding?.has(key)) return work();
    const inside = () => this.held.run(new Set([...(holding ?? []), key]), work);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(inside);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget the key once idle, so the map does not grow with every user ever seen.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
