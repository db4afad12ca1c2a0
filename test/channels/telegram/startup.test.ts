// Start-up in the background: getMe retried with a logged line per failure until Telegram answers, then the
// command menu and the webhook; stop() ends the retries.
import { Bot } from "grammy";
import { describe, expect, it } from "vitest";
import { startInBackground } from "../../../src/channels/telegram/mod.js";
import { capturedLog } from "../../helpers/log.js";
import { botInfo } from "./harness.js";

function flakyBot(failures: number) {
  const bot = new Bot("123:TEST");
  const calls: string[] = [];
  let left = failures;
  bot.api.config.use(async (_prev, method) => {
    calls.push(method);
    if (method === "getMe" && left-- > 0) throw new Error("unreachable");
    return { ok: true, result: method === "getMe" ? botInfo : true } as never;
  });
  return { bot, calls };
}

describe("startInBackground", () => {
  it("retries getMe, logging each failure, then registers the commands and the webhook", async () => {
    const { bot, calls } = flakyBot(2);
    const log = capturedLog();
    const startup = startInBackground(bot, { defaultLang: "zh-CN", log: log.logger, firstPauseMs: 1, webhook: { url: "https://bot.example.org/telegram", secretToken: "s" } });
    expect(startup.ready()).toBe(false);
    await startup.done;
    expect(startup.ready()).toBe(true);
    expect(log.events().filter((e) => e === "telegram.startup-failed")).toHaveLength(2);
    expect(calls.filter((c) => c === "getMe")).toHaveLength(3);
    expect(calls).toContain("setMyCommands");
    expect(calls.at(-1)).toBe("setWebhook");
  });

  it("stops retrying when stopped", async () => {
    const { bot, calls } = flakyBot(1_000);
    const startup = startInBackground(bot, { defaultLang: "en", log: capturedLog().logger, firstPauseMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    startup.stop();
    await startup.done;
    const made = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.length).toBe(made);
    expect(startup.ready()).toBe(false);
  });
});
