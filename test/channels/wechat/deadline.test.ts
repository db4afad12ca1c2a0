// WeChat's five seconds: an answer either makes its deadline (and goes out) or does not (and is kept).
import { describe, expect, it } from "vitest";
import { Deadline, beforeDeadline } from "../../../src/channels/wechat/mod.js";

describe("Deadline", () => {
  it("lets an answer made in time go out, once", async () => {
    const deadline = new Deadline(1000);
    expect(deadline.open).toBe(true);
    expect(deadline.answer()).toBe(true);
    expect(deadline.answer()).toBe(false);
    expect(deadline.open).toBe(false);
  });

  it("refuses an answer after it expired, and the request gets undefined (success)", async () => {
    const deadline = new Deadline(10);
    let late!: () => void;
    const work = new Promise<string | undefined>((resolve) => (late = () => resolve(deadline.answer() ? "answer" : undefined)));
    const result = beforeDeadline(deadline, work);
    expect(await result).toBeUndefined();
    late();
    expect(await work).toBeUndefined();
  });

  it("resolves with the work's answer when it comes first", async () => {
    const deadline = new Deadline(10_000);
    expect(await beforeDeadline(deadline, Promise.resolve(deadline.answer() ? "first page" : undefined))).toBe("first page");
  });
});
