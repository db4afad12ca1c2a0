// What the WeChat webhook tests share: a webhook per test (closed after it), sending a text message, and a
// fake core whose every turn is given (for paging and timeouts).
import { afterEach, expect } from "vitest";
import { KeyedQueue } from "../../../src/channels/keyed-queue.js";
import type { WeChatWebhookOptions } from "../../../src/channels/wechat/mod.js";
import { start, type Turn } from "../../../src/dialogue/mod.js";
import { newMsgId, postPlain, replyContent, sleep, startWebhook, textXml, type Harness, type HarnessOptions } from "./harness.js";

/** A `webhook(options)` for the tests of one file; each harness is closed after its test. */
export function useWebhooks(): (options?: HarnessOptions) => Promise<Harness> {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (options = {}) => (harness = await startWebhook(options));
}

/** Sends a text message in plain mode and returns the reply's Content ("success" is returned as is). */
export async function say(h: Harness, user: string, text: string, msgId = newMsgId()): Promise<string> {
  const res = await postPlain(h.url, textXml(user, text, msgId));
  expect(res.status).toBe(200);
  const body = await res.text();
  if (body === "success") return body;
  expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
  return replyContent(body, user);
}

/** Sessions whose every turn is `turnFor(input)`, optionally after a delay: for paging and timeouts. */
export function fakeSessions(turnFor: (input: string) => Turn, delayMs = 0): WeChatWebhookOptions["sessions"] {
  const queue = new KeyedQueue();
  return {
    handle: (key, input) =>
      queue.run(key, async () => {
        if (delayMs) await sleep(delayMs);
        return { ...turnFor(input), turn: 0, replayed: false, failed: false };
      }),
    run: (key, work) => queue.run(key, work),
    lang: async () => "zh-CN",
  };
}

export const welcome = start("zh-CN");
export const longText = Array.from({ length: 60 }, (_, i) => `第${i + 1}段：${"山东省基本公共服务".repeat(6)}`).join("\n\n");
export const longTurn = (input: string): Turn => ({ state: welcome.state, replies: [{ text: `${input}\n${longText}` }], effects: [] });
export const answerTo = (input: string): Turn => ({ state: welcome.state, replies: [{ text: `answer to ${input}` }], effects: [] });
