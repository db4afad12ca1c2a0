import { describe, expect, it } from "vitest";
import { Api } from "grammy";
import { commandList, registerCommands, TELEGRAM_COMMANDS } from "../../../src/channels/telegram/mod.js";
import { parseCommand } from "../../../src/dialogue/understand/mod.js";

describe("telegram commands", () => {
  it("lists every command with a description in both languages", () => {
    const zh = commandList("zh-CN");
    const en = commandList("en");
    expect(zh.map((c) => c.command)).toEqual([...TELEGRAM_COMMANDS]);
    expect(en.map((c) => c.command)).toEqual([...TELEGRAM_COMMANDS]);
    for (const [i, c] of en.entries()) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
      expect(c.description).not.toContain("telegram.commands");
      expect(zh[i]!.description).not.toBe(c.description);
    }
  });

  it("lists only commands the conversation core understands", () => {
    for (const command of TELEGRAM_COMMANDS) expect(parseCommand(`/${command}`), command).toBeDefined();
  });

  it("registers the menu for private chats: a default and one per language", async () => {
    const api = new Api("123:TEST");
    const calls: { method: string; payload: unknown }[] = [];
    api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload });
      return { ok: true, result: true } as never;
    });
    await registerCommands(api);
    expect(calls.map((c) => c.method)).toEqual(["setMyCommands", "setMyCommands", "setMyCommands"]);
    expect(calls.map((c) => (c.payload as { language_code?: string }).language_code)).toEqual([undefined, "zh", "en"]);
    expect(calls[0]!.payload).toEqual({ commands: commandList("zh-CN"), scope: { type: "all_private_chats" } });
    expect((calls[2]!.payload as { commands: unknown }).commands).toEqual(commandList("en"));
  });
});
