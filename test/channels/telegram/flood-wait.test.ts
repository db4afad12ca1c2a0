import { describe, expect, it } from "vitest";
import type { ApiCallFn } from "grammy";
import { waitOnFloodControl } from "../../../src/channels/telegram/mod.js";

function fakeApi(responses: unknown[]) {
  const calls: string[] = [];
  const prev = (async (method: string) => {
    calls.push(method);
    return responses.shift() ?? { ok: true, result: true };
  }) as unknown as ApiCallFn;
  return { prev, calls };
}

const tooMany = (seconds: number) => ({ ok: false, error_code: 429, description: "Too Many Requests", parameters: { retry_after: seconds } });

describe("waitOnFloodControl", () => {
  it("waits out a short flood wait and retries", async () => {
    const waits: number[] = [];
    const transformer = waitOnFloodControl({ sleep: async (ms) => void waits.push(ms) });
    const { prev, calls } = fakeApi([tooMany(2)]);
    const result = await transformer(prev, "sendMessage", { chat_id: 1, text: "x" });
    expect(result).toEqual({ ok: true, result: true });
    expect(calls).toEqual(["sendMessage", "sendMessage"]);
    expect(waits).toEqual([2000]);
  });

  it("passes a long wait, or a wait after the last retry, on as the error", async () => {
    const transformer = waitOnFloodControl({ sleep: async () => undefined, maxRetries: 1 });
    const long = fakeApi([tooMany(60)]);
    expect(await transformer(long.prev, "sendMessage", { chat_id: 1, text: "x" })).toMatchObject({ ok: false, error_code: 429 });
    expect(long.calls).toHaveLength(1);
    const repeated = fakeApi([tooMany(1), tooMany(1), tooMany(1)]);
    expect(await transformer(repeated.prev, "sendMessage", { chat_id: 1, text: "x" })).toMatchObject({ ok: false });
    expect(repeated.calls).toHaveLength(2);
  });

  it("leaves other errors alone", async () => {
    const transformer = waitOnFloodControl({ sleep: async () => undefined });
    const { prev, calls } = fakeApi([{ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }]);
    expect(await transformer(prev, "sendMessage", { chat_id: 1, text: "x" })).toMatchObject({ ok: false, error_code: 403 });
    expect(calls).toHaveLength(1);
  });
});
