// The one per-user queue: in order per key, other keys not held up, re-entrant for the key already held.
import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../src/channels/mod.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("KeyedQueue", () => {
  it("runs one key's work in arrival order, one at a time", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    const work = (name: string, ms: number) => async () => {
      running++;
      expect(running).toBe(1);
      await tick(ms);
      log.push(name);
      running--;
    };
    await Promise.all([queue.run("a", work("1", 20)), queue.run("a", work("2", 1)), queue.run("a", work("3", 5))]);
    expect(log).toEqual(["1", "2", "3"]);
  });

  it("does not hold up other keys", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const slow = queue.run("a", async () => {
      await tick(50);
      log.push("a");
    });
    await queue.run("b", async () => void log.push("b"));
    await slow;
    expect(log).toEqual(["b", "a"]);
  });

  it("goes on after a failure, and passes the failure to its caller", async () => {
    const queue = new KeyedQueue();
    await expect(queue.run("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run("a", async () => 2)).toBe(2);
  });

  it("runs work for a key it already holds at once, instead of waiting for itself", async () => {
    const queue = new KeyedQueue();
    const inner = await queue.run("a", () => queue.run("a", async () => "inner"));
    expect(inner).toBe("inner");
  });

  it("forgets idle keys", async () => {
    const queue = new KeyedQueue();
    await Promise.all(Array.from({ length: 100 }, (_, i) => queue.run(`k${i}`, async () => i)));
    await tick(0);
    expect(queue.activeKeys).toBe(0);
  });
});
